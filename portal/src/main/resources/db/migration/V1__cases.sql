-- Cases and their hash items. No IP addresses, user agents, file names or times of day are stored.
CREATE SEQUENCE report_case_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE case_item_seq START WITH 1 INCREMENT BY 50;
-- Sync cursor for platforms: every change to an item takes a new, larger value.
CREATE SEQUENCE item_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE report_case (
    id          BIGINT      NOT NULL PRIMARY KEY,
    case_number VARCHAR(10) NOT NULL UNIQUE,
    key_hmac    VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    created_on  DATE        NOT NULL
);

CREATE TABLE case_item (
    id          BIGINT      NOT NULL PRIMARY KEY,
    case_id     BIGINT      NOT NULL REFERENCES report_case (id),
    kind        VARCHAR(8)  NOT NULL,
    md5         VARCHAR(32) NOT NULL,
    pdq         VARCHAR(64),
    pdq_quality SMALLINT,
    status      VARCHAR(16) NOT NULL,
    seq         BIGINT      NOT NULL,
    added_on    DATE        NOT NULL,
    CONSTRAINT case_item_md5_once UNIQUE (case_id, md5)
);
CREATE INDEX case_item_by_seq ON case_item (seq);
CREATE INDEX case_item_by_md5 ON case_item (md5);

-- Answers to Idempotency-Key requests, encrypted with the server secret, deleted after 24 hours.
CREATE TABLE idempotent_answer (
    key_hmac    VARCHAR(64)   NOT NULL PRIMARY KEY,
    body_hash   VARCHAR(64)   NOT NULL,
    answer      VARCHAR(1024) NOT NULL,
    expires_at  TIMESTAMP     NOT NULL
);
CREATE INDEX idempotent_answer_by_expiry ON idempotent_answer (expires_at);

-- The server secret for key HMACs, made on first start unless configured.
CREATE TABLE server_secret (
    id     INTEGER     NOT NULL PRIMARY KEY,
    secret VARCHAR(64) NOT NULL
);
