package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.image;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newCase;
import static org.takeitdown.portal.platform.PlatformFixtures.randomPdq;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The readiness check says whether the match index is loaded, and nothing that moves with each submission. */
@Tag("database")
@QuarkusTest
class MatchIndexReadinessTest {
    @Inject
    SyncJob sync;

    @Test
    void readinessIsTheSameBeforeAndAfterASubmissionSoPollingItTellsNoOneWhenPicturesArrive() {
        sync.runNow();
        String before = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        newCase(image(md5(), randomPdq(), 90));
        sync.runNow();
        String after = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(after).contains("match-index").isEqualTo(before);
    }
}
