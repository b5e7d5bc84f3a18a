package org.takeitdown.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.db.CountingJdbc;
import org.takeitdown.portal.db.RowsRead;
import org.takeitdown.portal.platform.RetentionService;

/**
 * Stored answers to Idempotency-Keys that expired in a burst (thousands at once, as a flood of cases 24 hours
 * earlier leaves): a new case with an Idempotency-Key deletes only a few of them, reading about as many rows, and
 * the background job deletes the rest. Work is asserted as rows read and written, never as time.
 */
@Tag("database")
@QuarkusTest
class ExpiredAnswersWorkTest {
    private static final int EXPIRED = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CaseService cases;

    @Inject
    RetentionService retention;

    @Inject
    AgroalDataSource db;

    /** Inserts {@link #EXPIRED} answers that expired a day ago; returns their key HMACs' common prefix. */
    private String plantExpired() throws SQLException {
        String prefix = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO idempotent_answer "
                + "(key_hmac, salt, body_mac, answer, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            Timestamp expired = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
            for (int n = 0; n < EXPIRED; n++) {
                s.setString(1, prefix + String.format("%048x", n));
                s.setString(2, "00".repeat(16));
                s.setString(3, "00".repeat(32));
                s.setString(4, "expired");
                s.setTimestamp(5, expired);
                s.addBatch();
            }
            s.executeBatch();
        }
        return prefix;
    }

    private long left(String prefix) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM idempotent_answer WHERE key_hmac LIKE ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aNewCaseDeletesOnlyAFewOfThousandsOfExpiredAnswersAndTheBackgroundJobTheRest() throws SQLException {
        String prefix = plantExpired();
        CaseApi.ItemsRequest request = new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", RANDOM.nextLong() & Long.MAX_VALUE), null, null)));

        CountingJdbc.Tally tally = CountingJdbc.count(() -> cases.create(request, UUID.randomUUID().toString()));

        assertThat(tally.rowsWritten).as("the case, its item, its answer and at most %d expired answers deleted: %s",
                CaseStore.EXPIRED_ANSWERS_PER_ANSWER, tally).isLessThanOrEqualTo(3 + CaseStore.EXPIRED_ANSWERS_PER_ANSWER);
        assertThat(left(prefix)).as("some planted answers are still there")
                .isGreaterThanOrEqualTo(EXPIRED - CaseStore.EXPIRED_ANSWERS_PER_ANSWER);
        long read = RowsRead.of(db, CaseStore.FIRST_EXPIRED, s -> {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            s.setInt(2, CaseStore.EXPIRED_ANSWERS_PER_ANSWER);
        });
        assertThat(read).as("the expired answers a case deletes are found by a scan that stops there; %d expired",
                EXPIRED).isLessThanOrEqualTo(CaseStore.EXPIRED_ANSWERS_PER_ANSWER + 1);

        retention.purge(LocalDate.now(ZoneOffset.UTC));
        assertThat(left(prefix)).as("the background job deletes every expired answer").isZero();
    }
}
