package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every operation the portal serves, found by reflection, is either named public here or guarded by a sign-in
 * ({@code @RolesAllowed}) and refuses an anonymous call with 401 and its area's challenge before reading the body.
 */
@Tag("embedded")
@QuarkusTest
class EndpointSecurityTest {
    /**
     * The operations anyone may call without signing in: the pages, and the anonymous case API (its case key is
     * checked by the operation itself, and a wrong one counts against the address's look-ups). A new operation
     * is either added here or given {@code @RolesAllowed}.
     */
    static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /start", "POST /start", "GET /adult", "GET /how-it-works", "GET /what-happens-next",
            "GET /about", "GET /participating", "GET /help", "GET /impact", "GET /platforms", "GET /platforms/hasher.jar",
            "GET /hash", "GET /hash/add", "POST /hash/add", "GET /cases/status", "POST /cases/status", "GET /cases/withdraw",
            "POST /cases/withdraw",
            "POST /api/cases", "GET /api/cases/{number}", "POST /api/cases/{number}/items", "DELETE /api/cases/{number}");

    /** The signed-in areas by path prefix, and the challenge an anonymous call there gets. */
    private static final Map<String, String> CHALLENGES = Map.of(
            "/admin", "Basic realm=\"admin\", charset=\"UTF-8\"",
            "/api/admin/", "Basic realm=\"admin\", charset=\"UTF-8\"",
            "/api/platform/", "Bearer",
            "/api/stopncii/", "FunctionsKey");

    /** The operations of {@code endpoints} that are neither named in {@link #PUBLIC} nor guarded by a sign-in. */
    static List<String> unguarded(List<Endpoints.Endpoint> endpoints) {
        return endpoints.stream().filter(e -> !e.secured() && !PUBLIC.contains(e.name())).map(Endpoints.Endpoint::name)
                .toList();
    }

    private static String challenge(String path) {
        return CHALLENGES.entrySet().stream().filter(c -> path.startsWith(c.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError(path + " is in no signed-in area: add it to CHALLENGES"));
    }

    @Test
    void everyOperationIsEitherNamedPublicOrGuardedBySignIn() {
        List<Endpoints.Endpoint> all = Endpoints.all();
        assertThat(unguarded(all)).as("operations without @RolesAllowed that are not in PUBLIC").isEmpty();
        assertThat(all.stream().map(Endpoints.Endpoint::name)).as("PUBLIC names only operations that exist")
                .containsAll(PUBLIC);
        assertThat(all.stream().filter(e -> PUBLIC.contains(e.name())).filter(Endpoints.Endpoint::secured)
                .map(Endpoints.Endpoint::name)).as("a public operation is not guarded").isEmpty();
    }

    @Test
    void everyGuardedOperationRefusesAnAnonymousCallWithItsAreasChallengeBeforeReadingTheBody() {
        List<Endpoints.Endpoint> guarded = Endpoints.all().stream().filter(Endpoints.Endpoint::secured).toList();
        assertThat(guarded.stream().map(Endpoints.Endpoint::name)).contains("GET /admin", "POST /admin/leaks",
                "POST /api/admin/platforms", "DELETE /api/admin/platforms/{id}", "POST /api/platform/v1/match",
                "GET /api/platform/v1/hashes", "GET /api/stopncii/v1/FetchHashes", "POST /api/stopncii/v1/SubmitFeedback");
        for (Endpoints.Endpoint e : guarded) {
            Response r = e.send(given());
            assertThat(r.statusCode()).as("%s without credentials: %s", e.name(), r.asString()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).as(e.name()).isEqualTo(challenge(e.path()));
            assertThat(r.contentType()).as(e.name()).startsWith(Problem.MEDIA_TYPE);
            assertThat(r.header("Cache-Control")).as(e.name()).isEqualTo("no-store");
        }
    }

    @Test
    void theCheckFlagsAResourceThatForgotItsSignIn() {
        assertThat(unguarded(Endpoints.of(List.of(Forgotten.class, Lifted.class))))
                .containsExactly("GET /planted-for-tests/forgotten", "POST /planted-for-tests/lifted/open");
        given().get("/planted-for-tests/forgotten").then().statusCode(404);
    }

    /** Planted: a resource without {@code @RolesAllowed}, never part of the application (its build profile never runs). */
    @IfBuildProfile("never-built")
    @Path("/planted-for-tests/forgotten")
    public static class Forgotten {
        @GET
        @Operation(hidden = true)
        public String get() {
            return "anyone";
        }
    }

    /** Planted: a guarded resource one of whose operations lifts the guard. */
    @IfBuildProfile("never-built")
    @Path("/planted-for-tests/lifted")
    @RolesAllowed("admin")
    public static class Lifted {
        @GET
        @Operation(hidden = true)
        public String guarded() {
            return "admin";
        }

        @POST
        @Path("open")
        @PermitAll
        @Operation(hidden = true)
        public String open() {
            return "anyone";
        }
    }
}
