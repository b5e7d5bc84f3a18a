-- StopNCII-compatible exchange, access scopes and leak-traceable lists.

-- What a platform key may do: 'full' (feed, export, exchange, video frames, match, feedback) or
-- 'match-only' (match and feedback only).
ALTER TABLE platform ADD COLUMN scope VARCHAR(16) DEFAULT 'full' NOT NULL;
-- The highest seq the platform's exchange client has been given (pages update it under the row lock).
ALTER TABLE platform ADD COLUMN exchange_mark BIGINT DEFAULT 0 NOT NULL;

-- Canaries: a few generated image hashes of one platform's own, mixed into its feed, export and
-- exchange only, so that a leaked copy of the list names the platform it came from. Ids come from
-- case_item_seq and seq from item_change_seq (set by the sequencer, as for items), so they look like
-- any item. Never part of a case, of another platform's answers, or of /impact.
CREATE TABLE canary (
    id          BIGINT      NOT NULL PRIMARY KEY,
    platform_id BIGINT      NOT NULL REFERENCES platform (id),
    md5         VARCHAR(32) NOT NULL,
    pdq         VARCHAR(64) NOT NULL,
    pdq_quality SMALLINT    NOT NULL,
    seq         BIGINT,
    added_on    DATE        NOT NULL
);
CREATE INDEX canary_by_platform ON canary (platform_id, seq);
CREATE INDEX canary_by_pdq ON canary (pdq);
CREATE INDEX canary_by_md5 ON canary (md5);

-- A withdrawn or removed item's exchange hash (the one the exchange sent: PDQ of an image, MD5 of a
-- video), sealed with a key derived from the server secret, kept only so the exchange can tell clients
-- that received it to drop it, and deleted with the item at the purge. first_seq: the item's committed seq
-- when it was retired (null when it was never sequenced); receivers: ",id,id," of the platforms whose exchange
-- mark was at or past first_seq then, i.e. whose client was given the item while it was active.
CREATE TABLE withdrawn_hash (
    item_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES case_item (id),
    first_seq BIGINT,
    receivers VARCHAR(4000) NOT NULL,
    sealed    VARCHAR(200)  NOT NULL
);

-- The exchange answers "is this hash still active anywhere?" per record, by PDQ as by MD5.
CREATE INDEX case_item_by_pdq ON case_item (pdq);
