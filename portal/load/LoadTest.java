import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded load tool for a portal on this machine (loopback only).
 *
 * <pre>
 * load   BASE_URL CLIENTS SECONDS ANSWERED_FILE  -- clients create cases (and add items to every
 *        fourth) for SECONDS; every case answered 201 is written to ANSWERED_FILE as number TAB key;
 *        prints cases/s and p50/p99 latency; stops early, without failing, if the server goes away
 * verify BASE_URL ANSWERED_FILE                  -- reads every listed case with its key; prints how many
 *        answered 200 and exits 1 if any did not
 * </pre>
 */
public class LoadTest {
    private static final Pattern FIELD = Pattern.compile("\"(caseNumber|caseKey)\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1]);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "verify" -> System.exit(verify(args[1], Path.of(args[2])));
            default -> throw new IllegalArgumentException("load or verify");
        }
    }

    private static String item(ThreadLocalRandom r, boolean image) {
        String md5 = String.format("%016x%016x", r.nextLong(), r.nextLong());
        if (!image) {
            return "{\"kind\":\"other\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null}";
        }
        return String.format("{\"kind\":\"image\",\"md5\":\"%s\",\"pdq\":\"%016x%016x%016x%016x\",\"pdqQuality\":%d}",
                md5, r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 50 + r.nextInt(51));
    }

    static void load(String base, int clients, int seconds, Path answered) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        AtomicLong added = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicInteger lost = new AtomicInteger();
        long start = System.nanoTime();
        long until = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(answered))) {
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    try {
                        while (System.nanoTime() < until) {
                            String body = "{\"items\":[" + item(r, true) + "," + item(r, false) + "," + item(r, false) + "]}";
                            long s = System.nanoTime();
                            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases"))
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - s;
                            if (n < mine.length) {
                                mine[n++] = took;
                            }
                            if (res.statusCode() != 201) {
                                refused.incrementAndGet();
                                continue;
                            }
                            Matcher m = FIELD.matcher(res.body());
                            String number = null;
                            String key = null;
                            while (m.find()) {
                                if (m.group(1).equals("caseNumber")) {
                                    number = m.group(2);
                                } else {
                                    key = m.group(2);
                                }
                            }
                            synchronized (out) {
                                out.println(number + "\t" + key);
                                out.flush();
                            }
                            created.incrementAndGet();
                            if (r.nextInt(4) == 0) {
                                HttpResponse<String> more = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/"
                                        + number + "/items")).header("Content-Type", "application/json").header("X-Case-Key", key)
                                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"items\":[" + item(r, false) + "]}")).build(), HttpResponse.BodyHandlers.ofString());
                                if (more.statusCode() == 200) {
                                    added.incrementAndGet();
                                }
                            }
                        }
                    } catch (IOException | InterruptedException gone) {
                        lost.incrementAndGet();
                    } finally {
                        latencies.add(Arrays.copyOf(mine, n));
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
        double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
        System.out.printf("load: %d clients, %.1f s: %d cases answered 201 (%.0f cases/s), %d item additions, "
                + "%d refused, p50 %.1f ms, p99 %.1f ms, %d clients cut off by a lost server%n",
                clients, secs, created.get(), created.get() / secs, added.get(), refused.get(), p50, p99, lost.get());
    }

    static int verify(String base, Path answered) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> lines = Files.readAllLines(answered);
        int ok = 0;
        int bad = 0;
        for (String line : lines) {
            String[] f = line.split("\t");
            int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/" + f[0]))
                    .header("X-Case-Key", f[1]).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                ok++;
            } else {
                bad++;
            }
        }
        System.out.printf("verify: %d of %d answered cases readable with their keys%n", ok, lines.size());
        return bad == 0 ? 0 : 1;
    }
}
