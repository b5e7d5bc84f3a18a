package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.takeitdown.hasher.hex.Hex;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.platform.index.MatchIndex;
import org.takeitdown.portal.platform.index.PdqQueryResult;
import org.takeitdown.portal.platform.index.PdqWords;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Counters;

/** Answers "does this upload match?": MD5 exactly, PDQ within a distance through the in-memory index. */
@ApplicationScoped
public class MatchService {
    public static final int MAX_QUERIES = 1000;
    public static final int MAX_MATCHES = 100;
    public static final int DEFAULT_DISTANCE = 31;

    private final SyncService sync;
    private final Counters counters;

    public MatchService(SyncService sync, Counters counters) {
        this.sync = sync;
        this.counters = counters;
    }

    public PlatformApi.MatchResponse match(PlatformApi.MatchRequest request) {
        if (request == null) {
            throw ApiProblemException.badRequest("Send a JSON body with \"md5\" and/or \"pdq\" arrays.");
        }
        List<String> md5s = request.md5() == null ? List.of() : request.md5();
        List<String> pdqs = request.pdq() == null ? List.of() : request.pdq();
        int maxDistance = request.maxDistance() == null ? DEFAULT_DISTANCE : request.maxDistance();
        if (maxDistance < 0 || maxDistance > 64) {
            throw ApiProblemException.badRequest("maxDistance must be from 0 to 64.");
        }
        if (md5s.isEmpty() && pdqs.isEmpty()) {
            throw ApiProblemException.badRequest("Send at least one query in \"md5\" or \"pdq\".");
        }
        if (md5s.size() + pdqs.size() > MAX_QUERIES) {
            throw ApiProblemException.badRequest("At most " + MAX_QUERIES + " queries per request; got "
                    + (md5s.size() + pdqs.size()) + ".");
        }
        List<String> md5Queries = normalize("md5", md5s, Hex.MD5_DIGITS);
        List<String> pdqQueries = normalize("pdq", pdqs, Hex.PDQ_DIGITS);
        counters.matchQueries(md5Queries.size() + pdqQueries.size());

        List<PlatformApi.MatchResult> results = new ArrayList<>(md5Queries.size() + pdqQueries.size());
        Map<String, List<Long>> byMd5 = md5Matches(md5Queries);
        for (String q : md5Queries) {
            List<Long> ids = byMd5.getOrDefault(q, List.of());
            List<PlatformApi.Match> matches = ids.stream().sorted().limit(MAX_MATCHES)
                    .map(id -> new PlatformApi.Match(id, 0)).toList();
            results.add(new PlatformApi.MatchResult(q, matches, ids.size() > MAX_MATCHES));
        }
        MatchIndex index = sync.index();
        for (String q : pdqQueries) {
            PdqQueryResult r = index.query(PdqWords.parse(q), maxDistance, MAX_MATCHES);
            results.add(new PlatformApi.MatchResult(q,
                    r.matches().stream().map(m -> new PlatformApi.Match(m.id(), m.distance())).toList(), r.truncated()));
        }
        return new PlatformApi.MatchResponse(results);
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

    private static Map<String, List<Long>> md5Matches(List<String> md5s) {
        Map<String, List<Long>> out = new HashMap<>();
        if (md5s.isEmpty()) {
            return out;
        }
        List<CaseItem> items = QuarkusTransaction.requiringNew().call(() ->
                CaseItem.activeByMd5(new LinkedHashSet<>(md5s)));
        for (CaseItem i : items) {
            out.computeIfAbsent(i.md5, k -> new ArrayList<>()).add(i.id);
        }
        return out;
    }
}
