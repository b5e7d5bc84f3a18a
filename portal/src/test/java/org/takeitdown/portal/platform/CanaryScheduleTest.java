package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseItem;

/**
 * A platform's canaries are made at random moments after its key's creation, each once, with the id, seq and day
 * of that moment: a new key has none, and the job given a time makes exactly the slots due by then.
 */
@Tag("database")
@QuarkusTest
class CanaryScheduleTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long MONTH = Duration.ofDays(30).toMillis();

    @Inject
    CanaryService canaries;

    @Inject
    PlatformStore store;

    @Inject
    SyncJob sync;

    private record Created(long id, String key) {
    }

    private static Created newPlatform(String scope) {
        String body = scope == null ? "{\"name\":\"Scheduled " + System.nanoTime() + "\"}"
                : "{\"name\":\"Scheduled " + System.nanoTime() + "\",\"scope\":\"" + scope + "\"}";
        JsonPath p = admin().contentType(ContentType.JSON).body(body).post("/api/admin/platforms").then().statusCode(201)
                .extract().jsonPath();
        return new Created(p.getLong("id"), p.getString("apiKey"));
    }

    private List<PlatformStore.CanarySlot> slots(long platformId) {
        return QuarkusTransaction.requiringNew().call(() -> store.canarySlotsOf(platformId));
    }

    private List<Instant> dueTimes(long platformId) {
        return slots(platformId).stream().map(s -> Instant.ofEpochMilli(s.dueAt())).sorted().toList();
    }

    private static List<Canary> canaries(long platformId) {
        return QuarkusTransaction.requiringNew().call(() -> Canary.<Canary>list("platformId = ?1 order by id", platformId));
    }

    /** Runs the job's core as if the time were {@code now}, until no slot due by then is left. */
    private void makeDue(Instant now) {
        while (canaries.makeDue(now) == CanaryService.PER_RUN) {
            continue;
        }
    }

    private static JsonPath match(String key, String md5) {
        return platform(key).contentType(ContentType.JSON).body("{\"md5\":[\"" + md5 + "\"]}")
                .post("/api/platform/v1/match").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath leaks(String text) {
        return admin().contentType("text/plain").body(text).post("/api/admin/leaks").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aNewKeyGetsNoCanariesAtOnceButThreeSlotsDueAtDistinctMomentsWithinTheWindows() {
        long before = Instant.now().toEpochMilli();
        Created p = newPlatform(null);
        long after = Instant.now().toEpochMilli();
        assertThat(canaries(p.id())).isEmpty();
        List<PlatformStore.CanarySlot> slots = slots(p.id());
        assertThat(slots).extracting(PlatformStore.CanarySlot::slot).containsExactly(0, 1, 2);
        assertThat(slots.get(0).dueAt()).as("the first within a day, not at the key's instant")
                .isGreaterThan(before).isLessThanOrEqualTo(after + DAY);
        for (PlatformStore.CanarySlot s : slots.subList(1, slots.size())) {
            assertThat(s.dueAt()).as("the others within 30 days").isGreaterThan(before).isLessThanOrEqualTo(after + MONTH);
        }
        assertThat(slots).extracting(PlatformStore.CanarySlot::dueAt).doesNotHaveDuplicates();
    }

    @Test
    void theJobMakesExactlyTheSlotsDueByTheTimeItIsGivenAndEachOnlyOnce() {
        Created p = newPlatform(null);
        List<Instant> due = dueTimes(p.id());
        makeDue(due.get(0).minusMillis(1));
        assertThat(canaries(p.id())).as("none before the first is due").isEmpty();
        makeDue(due.get(0));
        assertThat(canaries(p.id())).hasSize(1);
        assertThat(slots(p.id())).hasSize(2);
        makeDue(due.get(0));
        assertThat(canaries(p.id())).as("a second run makes none more").hasSize(1);
        makeDue(due.get(1));
        assertThat(canaries(p.id())).hasSize(2);
        makeDue(due.get(2));
        makeDue(due.get(2).plus(Duration.ofDays(1)));
        assertThat(canaries(p.id())).hasSize(CanaryService.PER_PLATFORM);
        assertThat(slots(p.id())).isEmpty();
    }

    @Test
    void aCanaryMadeLaterHasTheIdSeqAndDayOfItsMomentAfterItemsCreatedBeforeIt() {
        Created p = newPlatform(null);
        String md5 = PlatformFixtures.md5();
        PlatformFixtures.newCase(PlatformFixtures.image(md5, PlatformFixtures.randomPdq(), 90));
        sync.runNow();
        CaseItem item = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5", md5).firstResult());
        Instant last = dueTimes(p.id()).get(2);
        makeDue(last);
        sync.runNow();

        List<Canary> made = canaries(p.id());
        assertThat(made).hasSize(CanaryService.PER_PLATFORM);
        List<Long> feed = platform(p.key()).get("/api/platform/v1/hashes?limit=10000&after=" + (item.seq - 1)).then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        for (Canary c : made) {
            assertThat(c.id).as("an id above the item's").isGreaterThan(item.id);
            assertThat(c.seq).as("a seq above the item's").isGreaterThan(item.seq);
            assertThat(c.addedOn).as("the day it was made").isEqualTo(LocalDate.ofInstant(last, ZoneOffset.UTC));
            assertThat(feed.indexOf(c.id)).as("after the item in the feed").isGreaterThan(feed.indexOf(item.id));
        }
        assertThat(feed.indexOf(item.id)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theLeakCheckNamesAPlatformByCanariesMadeLaterCountingThoseMadeSoFar() {
        Created p = newPlatform(null);
        List<Instant> due = dueTimes(p.id());
        makeDue(due.get(0));
        sync.runNow();
        String export = platform(p.key()).get("/api/platform/v1/hashes/export").then().statusCode(200).extract().asString();
        JsonPath one = leaks(export);
        assertThat(one.getList("platformId", Long.class)).containsExactly(p.id());
        assertThat(one.getInt("[0].canariesFound")).isEqualTo(1);
        assertThat(one.getInt("[0].canariesGiven")).as("made so far").isEqualTo(1);

        makeDue(due.get(2));
        sync.runNow();
        export = platform(p.key()).get("/api/platform/v1/hashes/export").then().statusCode(200).extract().asString();
        JsonPath all = leaks(export);
        assertThat(all.getList("platformId", Long.class)).containsExactly(p.id());
        assertThat(all.getInt("[0].canariesFound")).isEqualTo(CanaryService.PER_PLATFORM);
        assertThat(all.getInt("[0].canariesGiven")).isEqualTo(CanaryService.PER_PLATFORM);
    }

    @Test
    void aRevokedPlatformAndAMatchOnlyPlatformGetNoCanaries() {
        Created revoked = newPlatform(null);
        Instant last = dueTimes(revoked.id()).get(2);
        admin().delete("/api/admin/platforms/" + revoked.id()).then().statusCode(204);
        Created matchOnly = newPlatform("match-only");
        assertThat(slots(matchOnly.id())).as("a match-only key has no schedule").isEmpty();
        makeDue(last.plus(Duration.ofDays(31)));
        assertThat(canaries(revoked.id())).isEmpty();
        assertThat(slots(revoked.id())).as("its slots are dropped, not tried again").isEmpty();
        assertThat(canaries(matchOnly.id())).isEmpty();
    }

    @Test
    void aCanaryMadeLaterMatchesItsPlatformsQueriesWhetherThisInstanceOrAnotherMadeIt() {
        Created p = newPlatform(null);
        assertThat(match(p.key(), PlatformFixtures.md5()).getList("results[0].matches")).isEmpty();
        makeDue(dueTimes(p.id()).get(0));
        Canary here = canaries(p.id()).get(0);
        assertThat(match(p.key(), here.md5).getList("results[0].matches.id", Long.class)).containsExactly(here.id);

        String md5 = PlatformFixtures.md5();
        QuarkusTransaction.requiringNew().run(() -> store.insertCanaries(p.id(), List.of(new PlatformStore.NewCanary(
                md5, PlatformFixtures.randomPdq(), CanaryService.QUALITY, LocalDate.now(ZoneOffset.UTC)))));
        sync.runNow();
        canaries.refresh();
        long other = canaries(p.id()).stream().max(Comparator.comparingLong(c -> c.id)).orElseThrow().id;
        assertThat(match(p.key(), md5).getList("results[0].matches.id", Long.class)).as("made by another instance")
                .containsExactly(other);
    }
}
