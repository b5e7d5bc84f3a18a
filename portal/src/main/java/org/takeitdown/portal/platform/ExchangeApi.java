package org.takeitdown.portal.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** JSON bodies of the StopNCII-compatible exchange, with the field names and types python-threatexchange reads. */
public final class ExchangeApi {
    private ExchangeApi() {
    }

    /**
     * One hash's current state: a later record for the same signalType and hashValue replaces an earlier one.
     * caseNumbers names at most {@code ExchangeService.MAX_CASE_NUMBERS} items: this record's and the lowest ids of
     * the other active items with the hash.
     */
    public record HashRecord(long lastModtimestamp, String signalType, String hashValue, String hashStatus,
                             Map<String, String> caseNumbers,
                             @JsonProperty("CSPFeedbacks") List<Object> cspFeedbacks) {
    }

    /** A page: {@code nextPageToken} is non-empty exactly when {@code hasMoreRecords}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FetchHashesResponse(int count, long nextSetTimestamp, boolean hasMoreRecords, String nextPageToken,
                                      List<HashRecord> hashRecords) {
    }

    public record HashFeedback(String hashValue, String feedbackValue, List<String> tags) {
    }

    public record SubmitFeedback(Integer count, List<HashFeedback> hashFeedbacks) {
    }

    /** What became of one hash's feedback: recorded, ignored (a value with no outcome here) or unknown (no active item). */
    public record FeedbackResult(String hashValue, String result) {
    }

    public record FeedbackAnswer(int count, int recorded, List<FeedbackResult> results) {
    }
}
