package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseService;

/**
 * The sync guarantee under concurrent writers: a consumer following the feed while cases are
 * created and withdrawn from several threads (and sequencers of several "instances" run at once)
 * sees every change after its cursor exactly once, in seq order, and ends with the database's state.
 */
@Tag("database")
@QuarkusTest
class SyncGuaranteeTest {
    @Inject
    CaseService cases;

    @Inject
    FeedService feed;

    @Inject
    SyncJob sync;

    @Inject
    Sequencer sequencer;

    private record Seen(long id, long seq, String status) {
    }

    @Test
    void consumerFollowingTheFeedDuringConcurrentWritesMissesNothingAndSeesNothingTwice() throws Exception {
        sync.runNow();
        long start = feed.consistentSeq();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    List<CaseApi.Item> items = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        items.add(new CaseApi.Item("other", String.format("%032x",
                                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE), null, null));
                    }
                    CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(items), null);
                    if (ThreadLocalRandom.current().nextInt(3) == 0) {
                        cases.withdraw(c.caseNumber(), c.caseKey());
                    }
                }
                return null;
            }));
        }
        // Sequencers of other instances, racing this instance's own timer.
        for (int s = 0; s < 2; s++) {
            pool.submit(() -> {
                while (writing.get()) {
                    try {
                        sequencer.sequence();
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }
                return null;
            });
        }
        List<Seen> seen = new ArrayList<>();
        PlatformRecord noCanaries = new PlatformRecord(-1L, "none", "full", null, false, false, null);
        Future<?> consumer = pool.submit(() -> {
            long cursor = start;
            while (true) {
                boolean done = !writing.get();
                PlatformApi.FeedPage page;
                do {
                    page = feed.page(noCanaries, Long.toString(cursor), "50");
                    for (PlatformApi.FeedItem i : page.items()) {
                        seen.add(new Seen(i.id(), i.seq(), i.status()));
                    }
                    cursor = page.next();
                } while (page.hasMore());
                if (done) {
                    return null;
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(5));
            }
        });
        for (Future<?> w : writers) {
            w.get();
        }
        sync.runNow();
        writing.set(false);
        consumer.get();
        pool.shutdown();
        assertThat(errors).isEmpty();

        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).seq()).as("seq order, each change once").isGreaterThan(seen.get(i - 1).seq());
        }
        Map<Long, Seen> latest = new HashMap<>();
        for (Seen s : seen) {
            latest.put(s.id(), s);
        }
        Map<Long, Seen> truth = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (CaseItem i : CaseItem.<CaseItem>list("seq > ?1", start)) {
                truth.put(i.id, new Seen(i.id, i.seq, i.status.name()));
            }
            assertThat(CaseItem.count("seq is null")).as("nothing left unsequenced").isZero();
        });
        assertThat(truth).hasSizeGreaterThanOrEqualTo(4 * 40 * 3);
        assertThat(latest).isEqualTo(truth);
        System.out.printf("Sync guarantee: %d changes seen for %d items%n", seen.size(), truth.size());
    }
}
