-- Platform hash sharing: platforms and their key HMACs, per-platform feedback, and sync sequencing.

-- Items are sequenced after they commit (see SyncService): seq is NULL until then, so every change
-- takes a seq in commit order and a feed reader never sees a later seq before an earlier one.
-- Withdrawn and removed items keep only what the feed needs: their hashes are cleared.
ALTER TABLE case_item ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE case_item ALTER COLUMN md5 DROP NOT NULL;
ALTER TABLE case_item ADD COLUMN changed_on DATE;
UPDATE case_item SET changed_on = added_on;
ALTER TABLE case_item ALTER COLUMN changed_on SET NOT NULL;
ALTER TABLE case_item ADD COLUMN removal_reason VARCHAR(500);
CREATE INDEX case_item_by_case ON case_item (case_id);
CREATE INDEX case_item_retention ON case_item (status, changed_on);

-- One row: the sequencer of every instance locks it, so sequencing runs one at a time.
CREATE TABLE sync_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO sync_lock (id) VALUES (1);

CREATE SEQUENCE platform_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE platform (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    key_hmac   VARCHAR(64)  NOT NULL UNIQUE,
    created_on DATE         NOT NULL,
    revoked    BOOLEAN      NOT NULL
);

-- What each platform last reported about an item; shown to the case holder in aggregate only.
CREATE SEQUENCE match_feedback_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE match_feedback (
    id          BIGINT      NOT NULL PRIMARY KEY,
    item_id     BIGINT      NOT NULL REFERENCES case_item (id),
    platform_id BIGINT      NOT NULL REFERENCES platform (id),
    outcome     VARCHAR(16) NOT NULL,
    updated_on  DATE        NOT NULL,
    CONSTRAINT match_feedback_once UNIQUE (item_id, platform_id)
);
