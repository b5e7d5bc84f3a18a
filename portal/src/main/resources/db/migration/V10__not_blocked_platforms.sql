-- How many distinct platforms last reported the item as not blocked (match_feedback holds one report per platform
-- and item, so it is the count of its 'not_blocked' rows), kept by the feedback write path in the transaction
-- that writes the reports. The operator's list of possible false submissions reads the first active items by it,
-- the most reported first and then the oldest, as a range scan of its index that stops after the few it shows,
-- however many reports are kept. Retired items keep the count they had; the list reads active items only.
ALTER TABLE case_item ADD COLUMN not_blocked_platforms INTEGER DEFAULT 0 NOT NULL;
-- Only the rows that get a value other than 0 are written.
UPDATE case_item SET not_blocked_platforms =
    (SELECT COUNT(*) FROM match_feedback f WHERE f.item_id = case_item.id AND f.outcome = 'not_blocked')
WHERE status = 'active'
  AND EXISTS (SELECT 1 FROM match_feedback f WHERE f.item_id = case_item.id AND f.outcome = 'not_blocked');
CREATE INDEX case_item_flagged ON case_item (status, not_blocked_platforms DESC, id);
