-- When each of a platform's canaries is to be made (platform.CanaryService): drawn at random when its key is
-- created, so that its canaries get the ids, seqs and days of items created at those moments instead of one
-- block at the key's creation. A row is deleted in the transaction that makes its canary (or finds the
-- platform revoked or without list access), so a slot is made once or not at all, whatever crashes.
-- due_at: milliseconds since 1970-01-01 UTC. Platforms that got their canaries at once under earlier
-- versions keep them and have no rows here.
CREATE TABLE canary_slot (
    platform_id BIGINT   NOT NULL REFERENCES platform (id),
    slot        SMALLINT NOT NULL,
    due_at      BIGINT   NOT NULL,
    PRIMARY KEY (platform_id, slot)
);
-- The job reads the oldest due slots first, a few a run: a range scan that stops after them.
CREATE INDEX canary_slot_by_due ON canary_slot (due_at);
-- Each instance asks for the highest canary seq to see whether another instance made canaries since.
CREATE INDEX canary_by_seq ON canary (seq);
-- Earlier versions made a platform's canaries when its key was created or first used; a platform with list
-- access that has none yet (its key never used) gets its slots due at once, made by the first run after this.
INSERT INTO canary_slot (platform_id, slot, due_at) SELECT id, 0, 0 FROM platform
WHERE scope = 'full' AND revoked = FALSE AND NOT EXISTS (SELECT 1 FROM canary WHERE canary.platform_id = platform.id);
INSERT INTO canary_slot (platform_id, slot, due_at) SELECT id, 1, 0 FROM platform
WHERE scope = 'full' AND revoked = FALSE AND NOT EXISTS (SELECT 1 FROM canary WHERE canary.platform_id = platform.id);
INSERT INTO canary_slot (platform_id, slot, due_at) SELECT id, 2, 0 FROM platform
WHERE scope = 'full' AND revoked = FALSE AND NOT EXISTS (SELECT 1 FROM canary WHERE canary.platform_id = platform.id);
