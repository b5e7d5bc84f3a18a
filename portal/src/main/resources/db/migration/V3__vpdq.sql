-- Video items may carry vPDQ: one PDQ hash a second of video. The feed shows only the frame count;
-- the frames themselves live beside the item, in Meta's vPDQ text form
-- (frameNumber,quality,pdqHex,timestampSeconds a line), and go when the item is withdrawn or removed.
ALTER TABLE case_item ADD COLUMN vpdq_frames INTEGER;

CREATE TABLE item_vpdq (
    item_id BIGINT          NOT NULL PRIMARY KEY REFERENCES case_item (id),
    frames  VARCHAR(400000) NOT NULL
);
