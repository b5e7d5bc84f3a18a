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
 * Export benchmark (not a test): loads N items into a running portal through its API, then times
 * the NDJSON and CSV exports. Usage: java ExportBench.java BASE_URL ADMIN_PASSWORD N
 */
public class ExportBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int n = Integer.parseInt(args[2]);
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
                    sb.append(i == 0 ? "" : ",").append(String.format(
                            "{\"kind\":\"image\",\"md5\":\"%016x%016x\",\"pdq\":\"%s\",\"pdqQuality\":90}",
                            r.nextLong(), r.nextLong(), halfSet(r)));
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
