-- Whether a platform appears on the public list of participating platforms, and what it says it scans.
ALTER TABLE platform ADD COLUMN listed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE platform ADD COLUMN scans VARCHAR(200);
