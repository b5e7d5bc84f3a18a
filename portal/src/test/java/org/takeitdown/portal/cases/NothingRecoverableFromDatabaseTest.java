package org.takeitdown.portal.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A copy of the database alone gives back no case key: the raw tables after a submission with an
 * Idempotency-Key hold neither the key nor anything that decrypts to it with keys made from the
 * database's own contents (the stored server secret included); only the client's key opens it.
 */
@Tag("database")
@QuarkusTest
class NothingRecoverableFromDatabaseTest {
    @Inject
    AgroalDataSource db;

    @Inject
    Secrets secrets;

    @Test
    void aStoredAnswerExpiresAtAUtcMidnightSoItsExpiryDoesNotDateTheCase() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC);
        given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(CaseApiTest.body(CaseApiTest.item(CaseApiTest.md5(2)))).post("/api/cases").then().statusCode(201);
        LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC);
        LocalDateTime expires;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT expires_at FROM idempotent_answer WHERE key_hmac = ?")) {
            s.setString(1, secrets.hmac(CaseService.IDEMPOTENCY_PURPOSE, idempotencyKey));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                expires = r.getTimestamp(1).toLocalDateTime();
            }
        }
        assertThat(expires.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(expires).isAfterOrEqualTo(before.plusHours(24)).isBeforeOrEqualTo(after.plusHours(48));
    }

    @Test
    void rawTablesAfterAnIdempotentSubmissionRevealNoCaseKey() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = CaseApiTest.body(CaseApiTest.item(CaseApiTest.md5(1)));
        Response created = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body).post("/api/cases");
        created.then().statusCode(201);
        String caseKey = created.path("caseKey");
        String keyHmac = secrets.hmac(CaseService.IDEMPOTENCY_PURPOSE, idempotencyKey);

        List<List<String>> answers = new ArrayList<>();
        Set<String> cells = new LinkedHashSet<>();
        try (Connection c = db.getConnection()) {
            for (String table : tables(c)) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            String v = r.getString(i);
                            row.add(v);
                            if (v != null && !v.isEmpty()) {
                                cells.add(v);
                            }
                        }
                        if (table.equalsIgnoreCase("idempotent_answer") && row.contains(keyHmac)) {
                            answers.add(row);
                        }
                    }
                }
            }
        }
        assertThat(cells).as("no cell holds the case key").noneMatch(v -> v.contains(caseKey));
        assertThat(answers).as("the answer was stored").hasSize(1);

        List<byte[]> aesKeys = new ArrayList<>();
        for (String cell : cells) {
            byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
            aesKeys.add(hmac(bytes, "answers".getBytes(StandardCharsets.US_ASCII)));
            aesKeys.add(MessageDigest.getInstance("SHA-256").digest(bytes));
            for (String salt : answers.get(0)) {
                if (salt != null && salt.matches("[0-9a-f]{32}")) {
                    aesKeys.add(Hkdf.derive(HexFormat.of().parseHex(salt), bytes,
                            "idempotent-answer".getBytes(StandardCharsets.US_ASCII), 32));
                }
            }
        }
        int tried = 0;
        for (List<String> row : answers) {
            for (String sealed : row) {
                byte[] bytes = base64(sealed);
                if (bytes == null || bytes.length < 29) {
                    continue;
                }
                for (byte[] key : aesKeys) {
                    for (String aad : row) {
                        tried++;
                        String plain = open(key, bytes, aad);
                        assertThat(plain).as("something in the database decrypts a stored answer").isNull();
                    }
                }
            }
        }
        assertThat(tried).as("decryption attempts with the database's contents").isPositive();

        assertThat(given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body).post("/api/cases").asString()).as("the client's key opens it").isEqualTo(created.asString());
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                if ("public".equalsIgnoreCase(r.getString("TABLE_SCHEM"))) {
                    out.add(r.getString("TABLE_NAME"));
                }
            }
        }
        assertThat(out).as("tables of the schema").isNotEmpty();
        return out;
    }

    private static byte[] base64(String s) {
        try {
            return s == null ? null : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** The plain text of iv || AES-GCM ciphertext under {@code key}, with or without {@code aad}; null when it does not open. */
    private static String open(byte[] key, byte[] all, String aad) {
        for (boolean withAad : new boolean[] {false, true}) {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, all, 0, 12));
                if (withAad && aad != null) {
                    c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
                }
                return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException wrongKey) {
                // expected: this key does not open it
            }
        }
        return null;
    }
}
