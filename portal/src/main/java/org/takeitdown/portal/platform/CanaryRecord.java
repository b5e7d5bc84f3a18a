package org.takeitdown.portal.platform;

import java.time.LocalDate;

/** A canary's row (see {@link Canary}); {@code seq} is null until the sequencer numbers it. */
public record CanaryRecord(long id, long platformId, String md5, String pdq, int pdqQuality, Long seq,
                           LocalDate addedOn) {
    PlatformApi.FeedItem toFeedItem() {
        return new PlatformApi.FeedItem(id, seq, "image", md5, pdq, pdqQuality, "active", addedOn, null);
    }
}
