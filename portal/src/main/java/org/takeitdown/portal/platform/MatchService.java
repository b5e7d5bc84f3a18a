package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.takeitdown.hasher.hex.Hex;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.hasher.vpdq.VpdqMatcher;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.VpdqRules;
import org.takeitdown.portal.platform.index.MatchIndex;
import org.takeitdown.portal.platform.index.PdqQueryResult;
import org.takeitdown.portal.platform.index.PdqWords;
import org.takeitdown.portal.platform.index.VideoIndex;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Counters;

/**
 * Answers "does this upload match?": MD5 exactly, PDQ within a distance through the in-memory index,
 * and videos by vPDQ (Meta's rule: frames of quality 50 or more, closer than 31 bits, both shares at
 * least 80 % unless the request sets other thresholds). The work of a request is bounded by
 * {@link PlatformConfig#matchBudget()} whatever the list holds (see {@link MatchBudget}): an MD5 query reads at
 * most {@link #MAX_MATCHES} + 1 stored items with its hash (the lowest ids; one more than listed says there are
 * more) and counts them as examined. The caller's own canaries match like items; other platforms' never do.
 */
@ApplicationScoped
public class MatchService {
    public static final int MAX_QUERIES = 1000;
    /** Matches listed per query: the nearest, then the lowest ids; a result with more says truncated. */
    public static final int MAX_MATCHES = 100;
    public static final int DEFAULT_DISTANCE = 31;
    public static final int MAX_VIDEOS = 10;

    private final MatchIndexes indexes;
    private final FeedStore store;
    private final Counters counters;
    private final PlatformConfig config;
    private final CanaryService canaries;

    public MatchService(MatchIndexes indexes, FeedStore store, Counters counters, PlatformConfig config,
                        CanaryService canaries) {
        this.canaries = canaries;
        this.indexes = indexes;
        this.store = store;
        this.counters = counters;
        this.config = config;
    }

    public PlatformApi.MatchResponse match(PlatformRecord platform, PlatformApi.MatchRequest request) {
        if (request == null) {
            throw ApiProblemException.badRequest("Send a JSON body with \"md5\" and/or \"pdq\" arrays.");
        }
        List<String> md5s = request.md5() == null ? List.of() : request.md5();
        List<String> pdqs = request.pdq() == null ? List.of() : request.pdq();
        int maxDistance = request.maxDistance() == null ? DEFAULT_DISTANCE : request.maxDistance();
        if (maxDistance < 0 || maxDistance > 64) {
            throw ApiProblemException.badRequest("maxDistance must be from 0 to 64.");
        }
        List<List<CaseApi.Frame>> videos = request.vpdq() == null ? List.of() : request.vpdq();
        if (md5s.isEmpty() && pdqs.isEmpty() && videos.isEmpty()) {
            throw ApiProblemException.badRequest("Send at least one query in \"md5\", \"pdq\" or \"vpdq\".");
        }
        if (videos.size() > MAX_VIDEOS) {
            throw ApiProblemException.badRequest("At most " + MAX_VIDEOS + " videos in \"vpdq\" per request; got "
                    + videos.size() + ".");
        }
        double queryThreshold = percent("vpdqQueryMatch", request.vpdqQueryMatch());
        double comparedThreshold = percent("vpdqComparedMatch", request.vpdqComparedMatch());
        List<long[]> videoQueries = new ArrayList<>(videos.size());
        for (int v = 0; v < videos.size(); v++) {
            if (videos.get(v) == null) {
                throw ApiProblemException.badRequest("vpdq[" + v + "] must be a list of frames.");
            }
            videoQueries.add(VideoIndex.usable(VpdqRules.check(videos.get(v), "vpdq[" + v + "]"), HashRules.PDQ_MIN_QUALITY));
        }
        if (md5s.size() + pdqs.size() > MAX_QUERIES) {
            throw ApiProblemException.badRequest("At most " + MAX_QUERIES + " queries per request; got "
                    + (md5s.size() + pdqs.size()) + ".");
        }
        List<String> md5Queries = normalize("md5", md5s, Hex.MD5_DIGITS);
        List<String> pdqQueries = normalize("pdq", pdqs, Hex.PDQ_DIGITS);
        counters.matchQueries(md5Queries.size() + pdqQueries.size() + videoQueries.size());

        List<PlatformApi.MatchResult> results = new ArrayList<>(md5Queries.size() + pdqQueries.size());
        MatchBudget budget = new MatchBudget(config.matchBudget(),
                md5Queries.size() + pdqQueries.size() + videoQueries.size());
        // One more carrier than an answer lists tells that there are more; fewer when the budget is that small.
        int perMd5 = (int) Math.min(MAX_MATCHES + 1, budget.allowance());
        Map<String, List<Long>> byMd5 = perMd5 == 0 ? Map.of()
                : store.firstActiveCarriersSkippingEmpty(List.of(), new LinkedHashSet<>(md5Queries), perMd5);
        Set<String> read = new HashSet<>();
        for (String q : md5Queries) {
            List<Long> stored = byMd5.getOrDefault(q, List.of());
            boolean cut = stored.size() >= perMd5 && perMd5 <= MAX_MATCHES;
            budget.spend(read.add(q) ? stored.size() : 0, cut);
            List<Long> ids = new ArrayList<>(stored);
            ids.addAll(canaries.matchMd5(platform.id(), q));
            List<PlatformApi.Match> matches = ids.stream().sorted().limit(MAX_MATCHES)
                    .map(id -> new PlatformApi.Match(id, 0)).toList();
            results.add(new PlatformApi.MatchResult(q, matches, cut || ids.size() > MAX_MATCHES));
        }
        MatchIndex index = indexes.index();
        for (String q : pdqQueries) {
            PdqQueryResult r = index.query(PdqWords.parse(q), maxDistance, MAX_MATCHES, budget.allowance());
            budget.spend(r.examined(), r.budgetSpent());
            List<PlatformApi.Match> matches = new ArrayList<>(
                    r.matches().stream().map(m -> new PlatformApi.Match(m.id(), m.distance())).toList());
            matches.addAll(canaries.matchPdq(platform.id(), q, maxDistance));
            matches.sort(Comparator.comparingInt(PlatformApi.Match::distance).thenComparingLong(PlatformApi.Match::id));
            results.add(new PlatformApi.MatchResult(q, matches.size() > MAX_MATCHES ? matches.subList(0, MAX_MATCHES) : matches,
                    r.truncated() || matches.size() > MAX_MATCHES));
        }
        List<PlatformApi.VideoResult> videoResults = new ArrayList<>(videoQueries.size());
        for (int v = 0; v < videoQueries.size(); v++) {
            VideoIndex.Result r = indexes.videos().query(videoQueries.get(v), VpdqMatcher.DEFAULT_DISTANCE_TOLERANCE,
                    queryThreshold, comparedThreshold, MAX_MATCHES, budget.allowance());
            budget.spend(r.examined(), r.budgetSpent());
            videoResults.add(new PlatformApi.VideoResult(v, r.matches().stream()
                    .map(m -> new PlatformApi.VideoMatch(m.id(), round(m.queryPercent()), round(m.comparedPercent())))
                    .toList(), r.truncated()));
        }
        boolean truncated = budget.spent() || results.stream().anyMatch(PlatformApi.MatchResult::truncated)
                || videoResults.stream().anyMatch(PlatformApi.VideoResult::truncated);
        counters.matchExamined(budget.examined(), truncated);
        return new PlatformApi.MatchResponse(results, videoResults, truncated);
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    private static double percent(String field, Double value) {
        if (value == null) {
            return VpdqMatcher.DEFAULT_MATCH_PERCENT;
        }
        if (!(value > 0 && value <= 100)) {
            throw ApiProblemException.badRequest(field + " must be more than 0 and at most 100 (percent).");
        }
        return value;
    }

    private static List<String> normalize(String field, List<String> values, int digits) {
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (!Hex.isHex(v, digits)) {
                throw ApiProblemException.badRequest(field + "[" + i + "] must be exactly " + digits
                        + " hex digits.");
            }
            out.add(v.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
