package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newCase;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.other;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseItem;

/** Withdrawn items keep no hashes, and go completely (with their feedback and case) after the retention period. */
@Tag("database")
@QuarkusTest
class RetentionServiceTest {
    @Inject
    RetentionService retention;

    private static long count(String md5Query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.count(md5Query, params));
    }

    @Test
    void purgesWithdrawnItemsFeedbackAndEmptyCasesOnlyAfterTheRetentionPeriod() {
        String kept = md5();
        String gone = md5();
        newCase(other(kept));
        String[] withdrawn = newCase(other(gone));
        long goneId = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5", gone).firstResult().id);
        platform(newPlatformKey("Retention")).contentType(ContentType.JSON)
                .body("{\"id\":" + goneId + ",\"outcome\":\"blocked\"}").post("/api/platform/v1/feedback")
                .then().statusCode(204);
        given().header("X-Case-Key", withdrawn[1]).delete("/api/cases/" + withdrawn[0]).then().statusCode(204);
        CaseItem after = QuarkusTransaction.requiringNew().call(() -> CaseItem.findById(goneId));
        assertThat(after.md5).isNull();
        assertThat(after.pdq).isNull();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        retention.purge(today.plusDays(180));
        assertThat((Object) QuarkusTransaction.requiringNew().call(() -> CaseItem.findById(goneId))).isNotNull();

        retention.purge(today.plusDays(181));
        assertThat((Object) QuarkusTransaction.requiringNew().call(() -> CaseItem.findById(goneId))).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> MatchFeedback.count("itemId", goneId))).isZero();
        given().header("X-Case-Key", withdrawn[1]).get("/api/cases/" + withdrawn[0]).then().statusCode(404);
        assertThat(count("md5", kept)).isEqualTo(1);
    }
}
