-- The active items carrying a hash, lowest ids first, read as an index range scan that stops after the few a
-- request may read (match answers, SubmitFeedback), however many anonymous items share the hash: the hash,
-- then status, then id. They replace the indexes on the hash alone, which they cover.
DROP INDEX case_item_by_md5;
CREATE INDEX case_item_by_md5 ON case_item (md5, status, id);
DROP INDEX case_item_by_pdq;
CREATE INDEX case_item_by_pdq ON case_item (pdq, status, id);
