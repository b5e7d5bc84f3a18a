package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.cases.ItemsChanged;

/** A commit that changed items is sequenced soon after it, whatever the sync interval, without piling up worker threads. */
@Tag("database")
@QuarkusTest
@TestProfile(SyncKickTest.HourlySync.class)
class SyncKickTest {
    /** A sync interval no test waits for: only the kick can sequence a change. */
    public static class HourlySync implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.platform.sync-interval", "PT1H");
        }
    }

    @Inject
    CaseService cases;

    @Inject
    AgroalDataSource db;

    @Inject
    MatchIndexes indexes;

    @Inject
    SyncJob sync;

    @Inject
    Event<ItemsChanged> changed;

    @Test
    void aNewCasesItemsAreSequencedWithinSecondsWithoutWaitingForTheSyncInterval() throws Exception {
        awaitFirstRun();
        String md5 = PlatformFixtures.md5();
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other", md5, null, null))), null);
        Long seq = null;
        for (long deadline = System.nanoTime() + 10_000_000_000L; seq == null && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            seq = seqOf(md5);
        }
        assertThat(seq).as("sequenced by the kick after the commit").isNotNull();
    }

    @Test
    void kicksWhileARunIsGoingHoldAtMostOneWorkerThread() throws Exception {
        awaitFirstRun();
        SyncJob job = ClientProxy.unwrap(sync);
        int blocked;
        synchronized (job) {
            // The test holds the job's lock, as a long run would: every kick now finds a run going.
            for (int i = 0; i < 20; i++) {
                changed.fire(new ItemsChanged());
                Thread.sleep(80);
            }
            blocked = threadsWaitingToRun();
        }
        assertThat(blocked).as("worker threads blocked waiting to run the sync").isLessThanOrEqualTo(1);
    }

    /** Waits for the job's first run, at start; the next scheduled one is an hour away, so only kicks run. */
    private void awaitFirstRun() throws InterruptedException {
        for (long deadline = System.nanoTime() + 10_000_000_000L; !indexes.loaded() && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
        }
        assertThat(indexes.loaded()).as("the job's first run, at start, is over; the next is an hour away").isTrue();
        synchronized (ClientProxy.unwrap(sync)) {
            // Returns once the first run has let go of the lock.
        }
    }

    /** Threads whose stack is inside {@link SyncJob#runNow()}, i.e. waiting for the lock the test holds. */
    private static int threadsWaitingToRun() {
        int n = 0;
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals(SyncJob.class.getName()) && frame.getMethodName().equals("runNow")) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private Long seqOf(String md5) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq FROM case_item WHERE md5 = ?")) {
            s.setString(1, md5);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, Long.class);
            }
        }
    }
}
