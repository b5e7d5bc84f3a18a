-- The item's one exchange hash (cases.ExchangeHash.of): an image's PDQ of quality 50 or more
-- (hasher HashRules.PDQ_MIN_QUALITY), a video's MD5, else NULL. Set when the item is stored and cleared with its
-- other hashes when it is retired. Its index lets FetchHashes read the first active items carrying an exchange
-- hash as a range scan that stops after the few a record names, however many items share the PDQ or MD5 as
-- another kind or at a lower quality. A PDQ has 64 hex digits and an MD5 32, so the value alone says which it is.
ALTER TABLE case_item ADD COLUMN exchange_hash VARCHAR(64);
-- Only the rows that get a value are written (retired items have no hashes left).
UPDATE case_item SET exchange_hash = CASE WHEN kind = 'video' THEN md5 ELSE pdq END
WHERE status = 'active' AND (kind = 'video' OR (kind = 'image' AND pdq_quality >= 50));
CREATE INDEX case_item_by_exchange_hash ON case_item (exchange_hash, status, id);
