package org.takeitdown.portal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.takeitdown.portal.web.NotFoundMapper;
import org.takeitdown.portal.web.Problem;
import org.takeitdown.portal.web.SignInArea;

/**
 * Admin sign-in failures: 401 problem JSON with the Basic challenge; with no password set, the same 404 as an
 * address that does not exist, so the admin page and API can't be found.
 */
@ApplicationScoped
public class AdminAuthProblems implements SignInArea {
    private final AdminConfig config;

    public AdminAuthProblems(AdminConfig config) {
        this.config = config;
    }

    @Override
    public boolean covers(String path) {
        return AdminAuthMechanism.covers(path);
    }

    @Override
    public Response refused(String path, String detail) {
        return unauthorized(path);
    }

    @Override
    public Response unauthorized(String path) {
        if (!config.enabled()) {
            return NotFoundMapper.response(path);
        }
        return Response.fromResponse(Problem.response(401, "Unauthorized", AdminIdentityProvider.SIGN_IN))
                .header("WWW-Authenticate", AdminAuthMechanism.CHALLENGE).build();
    }
}
