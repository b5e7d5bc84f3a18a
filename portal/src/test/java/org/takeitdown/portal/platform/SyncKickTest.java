package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

/** A commit that changed items is sequenced soon after it, whatever the sync interval. */
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

    @Test
    void aNewCasesItemsAreSequencedWithinSecondsWithoutWaitingForTheSyncInterval() throws Exception {
        for (long deadline = System.nanoTime() + 10_000_000_000L; !indexes.loaded() && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
        }
        assertThat(indexes.loaded()).as("the job's first run, at start, is over; the next is an hour away").isTrue();
        String md5 = PlatformFixtures.md5();
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other", md5, null, null))), null);
        Long seq = null;
        for (long deadline = System.nanoTime() + 10_000_000_000L; seq == null && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            seq = seqOf(md5);
        }
        assertThat(seq).as("sequenced by the kick after the commit").isNotNull();
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
