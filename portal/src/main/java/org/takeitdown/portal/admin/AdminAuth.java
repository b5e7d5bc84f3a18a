package org.takeitdown.portal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.UnauthorizedException;

/** Checks HTTP Basic {@code admin:<portal.admin.password>} in constant time; 404 when no password is set. */
@ApplicationScoped
public class AdminAuth {
    static final String CHALLENGE = "Basic realm=\"admin\", charset=\"UTF-8\"";
    private final AdminConfig config;
    private final Limits limits;

    public AdminAuth(AdminConfig config, Limits limits) {
        this.config = config;
        this.limits = limits;
    }

    public boolean enabled() {
        return config.password().filter(p -> !p.isEmpty()).isPresent();
    }

    /** Checks the credentials; a wrong password counts against {@code address}'s budget of failed look-ups. */
    public void check(String authorization, String address) {
        limits.lookup(address, () -> {
            verify(authorization);
            return null;
        });
    }

    private void verify(String authorization) {
        if (!enabled()) {
            throw new ApiProblemException(404, "Not found", "There is nothing at this address.");
        }
        byte[] expected = ("admin:" + config.password().orElseThrow()).getBytes(StandardCharsets.UTF_8);
        byte[] offered = new byte[0];
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                offered = Base64.getDecoder().decode(authorization.substring(6).strip());
            } catch (IllegalArgumentException e) {
                offered = new byte[0];
            }
        }
        if (!MessageDigest.isEqual(expected, offered)) {
            throw new UnauthorizedException(CHALLENGE, "Sign in as admin with the configured password.");
        }
    }
}
