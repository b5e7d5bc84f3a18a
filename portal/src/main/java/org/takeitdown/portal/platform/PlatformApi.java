package org.takeitdown.portal.platform;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.web.LargeBody;

/** JSON bodies of the platform and admin APIs (see META-INF/openapi.yaml, the contract). */
public final class PlatformApi {
    private PlatformApi() {
    }

    public record NewPlatform(String name, String scope) {
    }

    public record PlatformView(long id, String name, String scope, LocalDate createdOn, boolean revoked, boolean listed, String scans) {
    }

    /** Whether the platform appears on the public list of participating platforms, and what it scans. */
    public record Listing(Boolean listed, String scans) {
    }

    @Schema(description = "The API key is shown only in this answer; only its HMAC is stored.")
    public record PlatformKey(long id, String name, String scope, String apiKey) {
    }

    public record Removal(String reason) {
    }

    public record FeedItem(long id, long seq, String kind, String md5, String pdq, Integer pdqQuality,
                           String status, LocalDate addedOn, Integer vpdqFrames) {
    }

    /** A video item's vPDQ frames. */
    public record VpdqItem(long id, List<CaseApi.Frame> frames) {
    }

    public record FeedPage(List<FeedItem> items, long next, boolean hasMore) {
    }

    public record MatchRequest(List<String> md5, List<String> pdq, Integer maxDistance,
                               List<List<CaseApi.Frame>> vpdq, Double vpdqQueryMatch, Double vpdqComparedMatch)
            implements LargeBody {
        @Override
        public boolean carriesFrames() {
            return vpdq != null && !vpdq.isEmpty();
        }
    }

    /** A video whose vPDQ matched, with both shares in percent. */
    public record VideoMatch(long id, double queryMatch, double comparedMatch) {
    }

    /** The videos matching query video number {@code video} (0-based, request order). */
    public record VideoResult(int video, List<VideoMatch> matches, boolean truncated) {
    }

    public record Match(long id, int distance) {
    }

    public record MatchResult(String query, List<Match> matches, boolean truncated) {
    }

    /**
     * {@code truncated}: some result or video result may miss matches — its own {@code truncated} is true,
     * because it had more than 100, or the request's work budget ran out — so a client that reads only this
     * flag still learns that the answer is incomplete.
     */
    public record MatchResponse(List<MatchResult> results, List<VideoResult> videos, boolean truncated) {
    }

    public record Feedback(Long id, String outcome) {
    }

    /** A platform whose canaries were found in a list: how many of how many it was given. */
    public record Leak(long platformId, String name, int canariesFound, int canariesGiven) {
    }
}
