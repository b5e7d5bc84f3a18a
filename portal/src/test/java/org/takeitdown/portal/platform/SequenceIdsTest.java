package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;

/**
 * Ids are sequence values used as they are: with every sequence stepping by 1 (migration V7), platforms,
 * their canaries, feedback and cases created at once from several threads get distinct ids, canaries and
 * items sharing {@code case_item_seq} included; threads making the same due canaries at once make each once.
 */
@Tag("database")
@QuarkusTest
class SequenceIdsTest {
    @Inject
    CaseService cases;

    @Inject
    PlatformService platforms;

    @Inject
    FeedbackService feedback;

    @Inject
    CanaryService canaries;

    @Inject
    AgroalDataSource db;

    @Test
    void platformsCanariesFeedbackAndCasesCreatedConcurrentlyGetDistinctIdsWhenSequencesStepByOne() throws Exception {
        assertThat(increment("case_item_seq")).isEqualTo(1);
        assertThat(increment("match_feedback_seq")).isEqualTo(1);
        CaseApi.Item first = other();
        cases.create(new CaseApi.ItemsRequest(List.of(first)), null);
        long item = ids("SELECT id FROM case_item WHERE md5 = '" + first.md5() + "'").get(0);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> made = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    try {
                        cases.create(new CaseApi.ItemsRequest(List.of(other(), other())), null);
                        PlatformApi.PlatformKey p = platforms.create(
                                new PlatformApi.NewPlatform("Ids " + writer + " " + i + " " + System.nanoTime(), null));
                        feedback.record(new PlatformRecord(p.id(), p.name(), p.scope(), null, false, false, null),
                                item, Outcome.blocked);
                        made.add(p.id());
                        canaries.makeDue(Instant.now().plus(Duration.ofDays(31)));
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(errors).isEmpty();

        PlatformFixtures.makeScheduledCanaries();
        for (long platform : made) {
            assertThat(ids("SELECT COUNT(*) FROM canary WHERE platform_id = " + platform))
                    .as("one canary a slot, made by whichever thread took it first").containsExactly(
                            (long) CanaryService.PER_PLATFORM);
        }
        List<Long> itemIds = ids("SELECT id FROM case_item");
        List<Long> canaryIds = ids("SELECT id FROM canary");
        assertThat(canaryIds).hasSizeGreaterThanOrEqualTo(3 * 15 * CanaryService.PER_PLATFORM);
        Set<Long> all = new HashSet<>(itemIds);
        all.addAll(canaryIds);
        assertThat(all).as("item and canary ids, one sequence").hasSize(itemIds.size() + canaryIds.size());
        assertThat(ids("SELECT COUNT(*) FROM match_feedback WHERE item_id = " + item)).containsExactly(3L * 15);
    }

    private static CaseApi.Item other() {
        return new CaseApi.Item("other", String.format("%032x", ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE),
                null, null);
    }

    private long increment(String sequence) throws Exception {
        List<Long> step = ids("SELECT increment FROM information_schema.sequences WHERE LOWER(sequence_name) = '"
                + sequence + "'");
        assertThat(step).hasSize(1);
        return step.get(0);
    }

    private List<Long> ids(String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(Long.parseLong(r.getString(1)));
            }
        }
        return out;
    }
}
