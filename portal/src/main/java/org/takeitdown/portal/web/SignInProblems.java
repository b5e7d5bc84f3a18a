package org.takeitdown.portal.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused sign-ins (no identity, refused credentials, missing role), answered by the {@link SignInArea} the path belongs to. */
public class SignInProblems {
    /** Paths no area covers: plain problem answers. */
    private static final SignInArea ELSEWHERE = new SignInArea() {
        @Override
        public boolean covers(String path) {
            return true;
        }

        @Override
        public Response unauthorized(String path) {
            return Problem.response(401, "Unauthorized", "Sign in to use this operation.");
        }

        @Override
        public Response refused(String path, String detail) {
            return Problem.response(401, "Unauthorized", detail == null ? "These credentials were refused." : detail);
        }
    };

    private final Instance<SignInArea> areas;

    public SignInProblems(Instance<SignInArea> areas) {
        this.areas = areas;
    }

    @ServerExceptionMapper
    public Response noIdentity(UnauthorizedException e, HttpServerRequest http) {
        return area(http.path()).unauthorized(http.path());
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, HttpServerRequest http) {
        return area(http.path()).refused(http.path(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest http) {
        return area(http.path()).forbidden(http.path());
    }

    private SignInArea area(String path) {
        return areas.stream().filter(a -> a.covers(path)).findFirst().orElse(ELSEWHERE);
    }
}
