package org.takeitdown.portal.admin;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.limits.Lookup;
import org.takeitdown.portal.web.WrongCredentials;

/**
 * Checks {@code admin:<portal.admin.password>} in constant time; a refused attempt counts against the client
 * address's wrong admin passwords (429 once over them, the right password included; wrong case or platform keys
 * from the address count apart). The identity has role {@link #ADMIN}.
 */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<AdminPasswordRequest> {
    public static final String ADMIN = "admin";
    static final String SIGN_IN = "Sign in as admin with the configured password.";

    private final AdminConfig config;
    private final Limits limits;

    public AdminIdentityProvider(AdminConfig config, Limits limits) {
        this.config = config;
        this.limits = limits;
    }

    @Override
    public Class<AdminPasswordRequest> getRequestType() {
        return AdminPasswordRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(AdminPasswordRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> identity(request));
    }

    private SecurityIdentity identity(AdminPasswordRequest request) {
        try {
            limits.lookup(Lookup.ADMIN_PASSWORD, request.address, () -> {
                verify(request.offered);
                return null;
            });
        } catch (WrongCredentials wrong) {
            throw new AuthenticationFailedException(wrong.getMessage());
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(ADMIN)).addRole(ADMIN).build();
    }

    private void verify(byte[] offered) {
        byte[] expected = (ADMIN + ":" + config.password().orElseThrow()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, offered)) {
            throw new WrongCredentials(SIGN_IN);
        }
    }
}
