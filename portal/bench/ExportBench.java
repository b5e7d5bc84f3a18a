import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Export and match benchmark (not a test): loads N items into a running portal through its API, follows
 * the feed, times the NDJSON and CSV exports, then platform match requests (4 threads; each request 50 MD5s
 * and 50 PDQs, half of them stored items' hashes, the PDQs a few bits off).
 * Usage: java ExportBench.java BASE_URL ADMIN_PASSWORD N [MATCH_REQUESTS]
 */
public class ExportBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int n = Integer.parseInt(args[2]);
        int matchRequests = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        java.util.List<String[]> stored = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String platform = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/platforms"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Export bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"apiKey\":\"([^\"]+)\"").matcher(platform);
        if (!m.find()) {
            throw new IllegalStateException(platform);
        }
        String key = m.group(1);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<?>[] batches = new Future<?>[n / 100];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = pool.submit(() -> {
                StringBuilder sb = new StringBuilder("{\"items\":[");
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < 100; i++) {
                    String md5 = String.format("%016x%016x", r.nextLong(), r.nextLong());
                    String pdq = halfSet(r);
                    if (i == 0 && stored.size() < 10_000) {
                        stored.add(new String[] {md5, pdq});
                    }
                    sb.append(i == 0 ? "" : ",").append(String.format(
                            "{\"kind\":\"image\",\"md5\":\"%s\",\"pdq\":\"%s\",\"pdqQuality\":90}", md5, pdq));
                }
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(sb.append("]}").toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() != 201) {
                    throw new IllegalStateException(res.statusCode() + " " + res.body());
                }
                return null;
            });
        }
        for (Future<?> f : batches) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("loaded %d items in %.1f s%n", batches.length * 100, (System.nanoTime() - t0) / 1e9);
        // Follow the feed until every item is sequenced and seen (this also times the feed).
        long seen = 0;
        long cursor = 0;
        long f0 = System.nanoTime();
        Pattern next = Pattern.compile("\"next\":(\\d+)");
        while (seen < (long) batches.length * 100) {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/platform/v1/hashes?limit=10000&after="
                    + cursor)).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher nm = next.matcher(page);
            nm.find();
            long to = Long.parseLong(nm.group(1));
            int items = page.split("\"md5\"", -1).length - 1;
            seen += items;
            cursor = to;
            if (items == 0) {
                Thread.sleep(100);
            }
        }
        System.out.printf("feed: %d items followed in %.1f s%n", seen, (System.nanoTime() - f0) / 1e9);
        for (String accept : new String[] {"application/x-ndjson", "text/csv"}) {
            for (int round = 0; round < 2; round++) {
                long s = System.nanoTime();
                HttpResponse<InputStream> res = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/platform/v1/hashes/export")).header("Authorization", "Bearer " + key)
                        .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofInputStream());
                long lines = 0;
                long bytes = 0;
                byte[] buf = new byte[1 << 16];
                try (InputStream in = res.body()) {
                    for (int k; (k = in.read(buf)) > 0; ) {
                        bytes += k;
                        for (int i = 0; i < k; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
                double sec = (System.nanoTime() - s) / 1e9;
                System.out.printf("export %s: %d lines, %.1f MB in %.2f s = %.0f rows/s%n", accept, lines,
                        bytes / 1e6, sec, lines / sec);
            }
        }
        match(http, base, key, stored, matchRequests);
    }

    /** {@code requests} match requests on 4 threads; prints requests/s and the matches found. */
    private static void match(HttpClient http, String base, String key, java.util.List<String[]> stored, int requests)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicLong found = new java.util.concurrent.atomic.AtomicLong();
        Future<?>[] sent = new Future<?>[requests];
        long s = System.nanoTime();
        for (int q = 0; q < requests; q++) {
            sent[q] = pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                StringBuilder md5 = new StringBuilder();
                StringBuilder pdq = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    String[] item = stored.get(r.nextInt(stored.size()));
                    boolean known = i % 2 == 0;
                    md5.append(i == 0 ? "" : ",").append('"')
                            .append(known ? item[0] : String.format("%016x%016x", r.nextLong(), r.nextLong())).append('"');
                    pdq.append(i == 0 ? "" : ",").append('"').append(known ? flip(item[1], r) : halfSet(r)).append('"');
                }
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/platform/v1/match"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"md5\":[" + md5 + "],\"pdq\":[" + pdq + "]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() != 200) {
                    throw new IllegalStateException(res.statusCode() + " " + res.body());
                }
                found.addAndGet(res.body().split("\"distance\"", -1).length - 1);
                return null;
            });
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        double sec = (System.nanoTime() - s) / 1e9;
        System.out.printf("match: %d requests of 100 hashes in %.2f s = %.0f requests/s (%d matches)%n", requests, sec,
                requests / sec, found.get());
    }

    /** The PDQ with 4 of its set bits cleared (a near copy; a real PDQ never sets more than 128). */
    private static String flip(String pdq, ThreadLocalRandom r) {
        java.math.BigInteger v = new java.math.BigInteger(pdq, 16);
        for (int cleared = 0; cleared < 4; ) {
            int bit = r.nextInt(256);
            if (v.testBit(bit)) {
                v = v.clearBit(bit);
                cleared++;
            }
        }
        return String.format("%064x", v);
    }

    /** 256 random bits with exactly 128 set, as a real image's PDQ (the portal refuses more than 128). */
    private static String halfSet(ThreadLocalRandom r) {
        int[] order = r.ints(0, 256).distinct().limit(128).toArray();
        long[] w = new long[4];
        for (int b : order) {
            w[b >>> 6] |= 1L << (b & 63);
        }
        return String.format("%016x%016x%016x%016x", w[0], w[1], w[2], w[3]);
    }
}
