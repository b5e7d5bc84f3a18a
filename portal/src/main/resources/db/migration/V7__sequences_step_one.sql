-- Ids no longer depend on a sequence's increment: every insert takes its id from its table's sequence,
-- one value a row, used as it is (db/Sequences). The increment of 50 matched the ORM's pooled
-- allocation, which is no longer used; a step of 1 keeps ids dense. Values already handed out stay
-- below the sequences' current values, so nothing can collide.
ALTER SEQUENCE report_case_seq INCREMENT BY 1;
ALTER SEQUENCE case_item_seq INCREMENT BY 1;
ALTER SEQUENCE match_feedback_seq INCREMENT BY 1;
