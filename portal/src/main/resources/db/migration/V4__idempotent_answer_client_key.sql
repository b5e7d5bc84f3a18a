-- Stored idempotent answers are now encrypted under a key derived from the client's Idempotency-Key
-- (HKDF with the row's salt), no longer under the server secret, so a copy of the database alone
-- decrypts nothing. Rows of the old form are dropped: they expire within 24 hours anyway, and a
-- client retrying one of them gets a new case instead of its first answer.
DROP TABLE idempotent_answer;

CREATE TABLE idempotent_answer (
    key_hmac    VARCHAR(64)   NOT NULL PRIMARY KEY,
    salt        VARCHAR(32)   NOT NULL,
    body_mac    VARCHAR(64)   NOT NULL,
    answer      VARCHAR(1024) NOT NULL,
    expires_at  TIMESTAMP     NOT NULL
);
CREATE INDEX idempotent_answer_by_expiry ON idempotent_answer (expires_at);
