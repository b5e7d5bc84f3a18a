package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests python-threatexchange 1.2.16's StopNCII client makes (clients/stopncii/api.py and
 * exchanges/impl/stop_ncii_api.py), replayed with the checks its parsing makes: every field present
 * with its type (dacite fails the whole fetch otherwise), a known signalType, a non-empty token whenever
 * hasMoreRecords (or it loops), a checkpoint that never goes backwards. Its state is what a client that
 * honours Withdrawn/Deleted keeps (the real one has a defect there; see /platforms).
 */
final class StopNciiClient {
    static final long DEFAULT_START_TIME = 10;
    static final int PAGE_SIZE = 800;
    private static final Set<String> SIGNAL_TYPES = Set.of("ImagePDQ", "VideoMD5");
    private static final Set<String> STATUSES = Set.of("Active", "Withdrawn", "Deleted");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String key;
    final int pageSize;
    /** The stored checkpoint (update_time); null before the first fetch. */
    Long checkpoint;
    /** (signalType:hashValue) -> status, as the client keeps it. */
    final Map<String, String> state = new LinkedHashMap<>();
    /** Every record received, in order: signalType:hashValue:status. */
    final List<String> received = new ArrayList<>();
    /** Every request sent: the query parameters, in order. */
    final List<Map<String, String>> requests = new ArrayList<>();

    StopNciiClient(String key, int pageSize) {
        this.key = key;
        this.pageSize = pageSize;
    }

    /** One fetch run: fetch_hashes_iter(start_timestamp=checkpoint or 10), the checkpoint stored after every page. */
    int run() {
        long start = checkpoint == null ? DEFAULT_START_TIME : checkpoint;
        boolean hasMore = true;
        String nextPage = "";
        int pages = 0;
        while (hasMore) {
            JsonNode page = fetchHashes(start, nextPage);
            pages++;
            hasMore = page.get("hasMoreRecords").booleanValue();
            nextPage = page.get("nextPageToken").isNull() ? "" : page.get("nextPageToken").textValue();
            long next = page.get("nextSetTimestamp").longValue();
            assertThat(next).as("checkpoint never goes backwards").isGreaterThanOrEqualTo(checkpoint == null ? start : checkpoint);
            checkpoint = next;
            assertThat(pages).as("a run ends").isLessThan(100_000);
        }
        return pages;
    }

    JsonNode fetchHashes(long start, String nextPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("startTimestamp", Long.toString(start));
        params.put("pageSize", Integer.toString(pageSize));
        if (!nextPage.isEmpty()) {
            params.put("nextPageToken", nextPage);
        }
        requests.add(params);
        Response r = given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key)
                .queryParams(params).get("/api/stopncii/v1/FetchHashes");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        JsonNode page;
        try {
            page = JSON.readTree(r.asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        check(page, start);
        for (JsonNode rec : page.get("hashRecords")) {
            String k = rec.get("signalType").textValue() + ":" + rec.get("hashValue").textValue();
            String status = rec.get("hashStatus").textValue();
            received.add(k + ":" + status);
            if ("Active".equals(status)) {
                state.put(k, status);
            } else {
                state.remove(k);
            }
        }
        return page;
    }

    /** What FetchHashesResponse and StopNCIIHashRecord demand of a page. */
    static void check(JsonNode page, long start) {
        assertThat(page.get("count").isIntegralNumber()).as("count int").isTrue();
        assertThat(page.get("nextSetTimestamp").isIntegralNumber()).as("nextSetTimestamp int").isTrue();
        assertThat(page.get("nextSetTimestamp").longValue()).isGreaterThanOrEqualTo(start).isLessThan(250_000_000_000L);
        assertThat(page.get("hasMoreRecords").isBoolean()).as("hasMoreRecords bool").isTrue();
        JsonNode token = page.get("nextPageToken");
        assertThat(token).as("nextPageToken present").isNotNull();
        assertThat(token.isNull() || token.isTextual()).as("nextPageToken str or null").isTrue();
        if (page.get("hasMoreRecords").booleanValue()) {
            assertThat(token.isTextual() && !token.textValue().isEmpty()).as("token whenever hasMoreRecords").isTrue();
        }
        JsonNode records = page.get("hashRecords");
        assertThat(records.isArray()).isTrue();
        assertThat(page.get("count").intValue()).isEqualTo(records.size());
        for (JsonNode rec : records) {
            assertThat(rec.get("lastModtimestamp").isIntegralNumber()).as("lastModtimestamp int " + rec).isTrue();
            assertThat(rec.get("signalType").textValue()).isIn(SIGNAL_TYPES);
            String hash = rec.get("hashValue").textValue();
            assertThat(hash).matches(rec.get("signalType").textValue().equals("ImagePDQ") ? "[0-9a-f]{64}" : "[0-9a-f]{32}");
            assertThat(rec.get("hashStatus").textValue()).isIn(STATUSES);
            JsonNode cases = rec.get("caseNumbers");
            assertThat(cases.isObject()).as("caseNumbers dict").isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(e.getKey()).as("caseNumbers keys are item ids").matches("[0-9]+");
                assertThat(e.getValue().textValue()).isIn(STATUSES);
            }
            assertThat(rec.get("CSPFeedbacks").isArray()).as("CSPFeedbacks list").isTrue();
        }
    }

    /** submit_feedbacks: {"count":n,"hashFeedbacks":[{"tags":[...],"feedbackValue":...,"hashValue":...}]}, parsed as JSON. */
    JsonNode submitFeedback(Map<String, String> feedbackByHash) {
        List<Map<String, Object>> list = new ArrayList<>();
        feedbackByHash.forEach((hash, value) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("tags", List.of("reviewed"));
            f.put("feedbackValue", value);
            f.put("hashValue", hash);
            list.add(f);
        });
        Map<String, Object> body = new HashMap<>();
        body.put("count", list.size());
        body.put("hashFeedbacks", list);
        Response r = given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key)
                .contentType("application/json").body(body).post("/api/stopncii/v1/SubmitFeedback");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        try {
            return JSON.readTree(r.asString());
        } catch (IOException e) {
            throw new AssertionError("a JSON body on feedback, as the client parses one", e);
        }
    }

    /** Writes the checkpoint and state as the client's fetch state would be kept on disk. */
    void save(Path file) throws IOException {
        Map<String, Object> saved = new HashMap<>();
        saved.put("checkpoint", checkpoint);
        saved.put("state", state);
        saved.put("received", received);
        Files.writeString(file, JSON.writeValueAsString(saved));
    }

    @SuppressWarnings("unchecked")
    static StopNciiClient load(Path file, String key, int pageSize) throws IOException {
        Map<String, Object> saved = JSON.readValue(Files.readString(file), Map.class);
        StopNciiClient c = new StopNciiClient(key, pageSize);
        c.checkpoint = saved.get("checkpoint") == null ? null : ((Number) saved.get("checkpoint")).longValue();
        c.state.putAll((Map<String, String>) saved.get("state"));
        c.received.addAll((List<String>) saved.get("received"));
        return c;
    }
}
