package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A 406 or 415 names what that endpoint produces or consumes, not always application/json, as problem JSON. */
@Tag("database")
@QuarkusTest
class MediaTypeProblemsTest {
    @Test
    void aWrongAcceptOnTheExportNamesNdjsonAndCsv() {
        String key = newPlatformKey("Wrong Accept");
        platform(key).accept(ContentType.JSON).get("/api/platform/v1/hashes/export").then()
                .statusCode(406).contentType(Problem.MEDIA_TYPE).body("status", equalTo(406))
                .body("detail", equalTo("This endpoint answers application/x-ndjson or text/csv only."));
    }

    @Test
    void aWrongAcceptOnAJsonEndpointNamesJson() {
        String key = newPlatformKey("Wrong Accept JSON");
        platform(key).accept("text/csv").get("/api/platform/v1/hashes").then()
                .statusCode(406).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("This endpoint answers application/json only."));
    }

    @Test
    void aWrongContentTypeOnTheLeakUploadNamesTextPlain() {
        admin().contentType(ContentType.JSON).body("{\"hashes\":[]}").post("/api/admin/leaks").then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE).body("status", equalTo(415))
                .body("detail", equalTo("Send the body as text/plain."));
    }

    @Test
    void aWrongContentTypeOnAJsonEndpointWithAPathVariableNamesJson() {
        String detail = admin().contentType(ContentType.TEXT).body("listed").post("/api/admin/platforms/1/listing")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE).extract().path("detail");
        assertThat(detail).isEqualTo("Send the body as application/json.");
    }
}
