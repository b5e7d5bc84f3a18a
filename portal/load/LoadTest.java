import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * load   BASE_URL CLIENTS SECONDS ANSWERED_FILE [SERVER_PID KILL_AFTER]  -- clients create cases (add
 *        items to about every fourth and withdraw about every tenth of the others) for SECONDS; every case
 *        answered 201 is written to ANSWERED_FILE as number TAB key TAB items (its item count as last
 *        answered), and again with "withdrawn" in place of items once a withdrawal was answered 204;
 *        prints cases/s and p50/p99 latency;
 *        stops early, without failing, if the server goes away; with SERVER_PID, sends it SIGKILL
 *        while the clients are sending: KILL_AFTER seconds after they started, once at least CLIENTS
 *        cases were answered
 * serial BASE_URL COUNT ANSWERED_FILE SERVER_PID -- one client creates COUNT cases back to back (items
 *        added and cases withdrawn as above) and sends SIGKILL to SERVER_PID the instant the COUNT-th 201
 *        arrives, so no background writer gets a moment to catch up after the last answer
 * verify BASE_URL ANSWERED_FILE                  -- reads every listed case with its key; prints how many
 *        answered 200 with at least the items last answered, or as withdrawn when a withdrawal was
 *        answered, and exits 1 if any did not
 * </pre>
 *
 * Each client thread keeps one HTTP/1.1 connection open and writes its requests by hand, so the
 * load tool, which shares the machine's two cores with the server and PostgreSQL, takes as little
 * of them as it can (java.net.http cost it about as much CPU as the server spent).
 */
public class LoadTest {
    private static final Pattern FIELD = Pattern.compile("\"(caseNumber|caseKey)\":\"([^\"]+)\"");
    private static final Pattern ITEMS = Pattern.compile("\"items\":(\\d+)");
    private static final String WITHDRAWN = "withdrawn";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1]);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]),
                    args.length > 6 ? server(Long.parseLong(args[5])) : null, args.length > 6 ? Integer.parseInt(args[6]) : 0);
            case "serial" -> serial(args[1], Integer.parseInt(args[2]), Path.of(args[3]), server(Long.parseLong(args[4])));
            case "verify" -> System.exit(verify(args[1], Path.of(args[2])));
            default -> throw new IllegalArgumentException("load, serial or verify");
        }
    }

    private static String item(ThreadLocalRandom r, boolean image) {
        String md5 = String.format("%016x%016x", r.nextLong(), r.nextLong());
        if (!image) {
            return "{\"kind\":\"other\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null}";
        }
        return String.format("{\"kind\":\"image\",\"md5\":\"%s\",\"pdq\":\"%s\",\"pdqQuality\":%d}",
                md5, pdq(r), 50 + r.nextInt(51));
    }

    /** A random PDQ with 128 of its 256 bits set, as a real image's (the portal refuses more than 128). */
    static String pdq(java.util.Random r) {
        long[] w = new long[4];
        for (int set = 0; set < 128; ) {
            int b = r.nextInt(256);
            if ((w[b >>> 6] & (1L << (b & 63))) == 0) {
                w[b >>> 6] |= 1L << (b & 63);
                set++;
            }
        }
        return String.format("%016x%016x%016x%016x", w[0], w[1], w[2], w[3]);
    }

    /** A status code and body. */
    record Answer(int status, String body) {
    }

    /** One kept-alive HTTP/1.1 connection to the loopback server; reconnects when the server closed it. */
    static final class Connection implements Closeable {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(String base) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
        }

        Answer send(String method, String path, String body, String... headers) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(30_000);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = socket.getOutputStream();
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + content.length);
            System.arraycopy(content, 0, request, h.length, content.length);
            try {
                out.write(request);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Answer read() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = 0;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                } else if (lower.startsWith("transfer-encoding:")) {
                    throw new IOException("chunked answers are not expected here");
                }
            }
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("the server closed the connection mid-answer");
            }
            if (close) {
                close();
            }
            return new Answer(code, new String(body, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /** A case the server answered 201. */
    record Made(String number, String key) {
    }

    /**
     * Creates one case of three items; an answered case goes to {@code out} as number, key and 3.
     * Returns null when the server refused it.
     */
    private static Made create(Connection http, ThreadLocalRandom r, PrintWriter out) throws IOException {
        String body = "{\"items\":[" + item(r, true) + "," + item(r, false) + "," + item(r, false) + "]}";
        Answer res = http.send("POST", "/api/cases", body);
        if (res.status() != 201) {
            return null;
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
        answered(out, number, key, 3);
        return new Made(number, key);
    }

    /** Adds one item to a case; once answered 200, the case goes to {@code out} again with 4 items. */
    private static boolean addItem(Connection http, ThreadLocalRandom r, PrintWriter out, Made c) throws IOException {
        Answer more = http.send("POST", "/api/cases/" + c.number() + "/items",
                "{\"items\":[" + item(r, false) + "]}", "X-Case-Key", c.key());
        if (more.status() != 200) {
            return false;
        }
        answered(out, c.number(), c.key(), 4);
        return true;
    }

    /** Withdraws a case; once answered 204, the case goes to {@code out} again as withdrawn. */
    private static boolean withdraw(Connection http, PrintWriter out, Made c) throws IOException {
        Answer gone = http.send("DELETE", "/api/cases/" + c.number(), null, "X-Case-Key", c.key());
        if (gone.status() != 204) {
            return false;
        }
        answered(out, c.number(), c.key(), WITHDRAWN);
        return true;
    }

    /** What a client does after a case was created: adds an item to about a fourth, withdraws about a tenth of the rest. */
    private static void afterwards(Connection http, ThreadLocalRandom r, PrintWriter out, Made c, AtomicLong added,
                                   AtomicLong withdrawn) throws IOException {
        if (r.nextInt(4) == 0) {
            if (addItem(http, r, out, c)) {
                added.incrementAndGet();
            }
        } else if (r.nextInt(10) == 0 && withdraw(http, out, c)) {
            withdrawn.incrementAndGet();
        }
    }

    private static void answered(PrintWriter out, String number, String key, Object items) {
        synchronized (out) {
            out.println(number + "\t" + key + "\t" + items);
            out.flush();
        }
    }

    private static ProcessHandle server(long pid) {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalArgumentException("no process " + pid));
    }

    static void serial(String base, int count, Path answered, ProcessHandle server) throws Exception {
        int created = 0;
        AtomicLong added = new AtomicLong();
        AtomicLong withdrawn = new AtomicLong();
        int refused = 0;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(answered));
                Connection http = new Connection(base)) {
            while (created < count) {
                Made made = create(http, r, out);
                if (made == null) {
                    if (++refused > count) {
                        throw new IllegalStateException("the server refused " + refused + " cases");
                    }
                    continue;
                }
                if (++created == count) {
                    server.destroyForcibly();
                    break;
                }
                afterwards(http, r, out, made, added, withdrawn);
            }
        }
        System.out.printf("serial: %d cases answered 201 back to back (%d item additions, %d withdrawals); SIGKILL sent"
                + " at the last answer%n", created, added.get(), withdrawn.get());
    }

    static void load(String base, int clients, int seconds, Path answered, ProcessHandle server, int killAfter)
            throws Exception {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        AtomicLong added = new AtomicLong();
        AtomicLong withdrawn = new AtomicLong();
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
                    try (Connection http = new Connection(base)) {
                        while (System.nanoTime() < until) {
                            long s = System.nanoTime();
                            Made made = create(http, r, out);
                            if (n < mine.length) {
                                mine[n++] = System.nanoTime() - s;
                            }
                            if (made == null) {
                                refused.incrementAndGet();
                                continue;
                            }
                            created.incrementAndGet();
                            afterwards(http, r, out, made, added, withdrawn);
                        }
                    } catch (IOException gone) {
                        lost.incrementAndGet();
                    } finally {
                        latencies.add(Arrays.copyOf(mine, n));
                    }
                });
                threads.add(t);
                t.start();
            }
            if (server != null) {
                // Not before KILL_AFTER, nor (on a slow, cold server) before each client could have had an
                // answer; at the latest when the clients stop.
                long killAt = start + killAfter * 1_000_000_000L;
                while (System.nanoTime() < until && (System.nanoTime() < killAt || created.get() < clients)) {
                    Thread.sleep(10);
                }
                server.destroyForcibly();
                System.out.printf("load: SIGKILL sent to the server %.1f s after the clients started, %d cases answered by then%n",
                        (System.nanoTime() - start) / 1e9, created.get());
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
                + "%d withdrawals, %d refused, p50 %.1f ms, p99 %.1f ms, %d clients cut off by a lost server%n",
                clients, secs, created.get(), created.get() / secs, added.get(), withdrawn.get(), refused.get(), p50, p99,
                lost.get());
    }

    static int verify(String base, Path answered) throws Exception {
        Map<String, String[]> cases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(answered)) {
            String[] f = line.split("\t");
            cases.merge(f[0], f, LoadTest::later);
        }
        int ok = 0;
        int unreadable = 0;
        int missing = 0;
        int notWithdrawn = 0;
        int withdrawn = 0;
        try (Connection http = new Connection(base)) {
            for (String[] f : cases.values()) {
                Answer got = http.send("GET", "/api/cases/" + f[0], null, "X-Case-Key", f[1]);
                Matcher items = ITEMS.matcher(got.body());
                if (got.status() != 200) {
                    unreadable++;
                } else if (WITHDRAWN.equals(f[2])) {
                    if (got.body().contains("\"status\":\"withdrawn\"")) {
                        ok++;
                        withdrawn++;
                    } else {
                        notWithdrawn++;
                    }
                } else if (!items.find() || Long.parseLong(items.group(1)) < Long.parseLong(f[2])) {
                    missing++;
                } else {
                    ok++;
                }
            }
        }
        System.out.printf("verify: %d of %d answered cases readable with their keys and every answered item, or"
                + " withdrawn as answered (%d withdrawn; %d unreadable, %d missing an answered item, %d active again"
                + " after an answered withdrawal)%n", ok, cases.size(), withdrawn, unreadable, missing, notWithdrawn);
        return ok == cases.size() ? 0 : 1;
    }

    /** Of two lines for one case, the one with the later state: withdrawn, else the most items answered. */
    private static String[] later(String[] was, String[] now) {
        if (WITHDRAWN.equals(was[2])) {
            return was;
        }
        if (WITHDRAWN.equals(now[2])) {
            return now;
        }
        return Integer.parseInt(now[2]) > Integer.parseInt(was[2]) ? now : was;
    }
}
