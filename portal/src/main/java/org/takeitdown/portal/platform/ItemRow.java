package org.takeitdown.portal.platform;

import java.time.LocalDate;
import org.takeitdown.portal.cases.CaseStatus;

/** An item as the platforms see it (a copy of its {@code case_item} row): hashes are null once it is retired. */
public record ItemRow(long id, long seq, String kind, String md5, String pdq, Integer pdqQuality, CaseStatus status,
                      LocalDate addedOn, LocalDate changedOn, Integer vpdqFrames) {
    PlatformApi.FeedItem toFeedItem() {
        return new PlatformApi.FeedItem(id, seq, kind, md5, pdq, pdqQuality, status.name(), addedOn, vpdqFrames);
    }
}
