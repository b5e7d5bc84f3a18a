package org.takeitdown.portal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Limits behind two chained reverse proxies that append the peer's address to X-Forwarded-For as
 * nginx's {@code $proxy_add_x_forwarded_for} does. Loopback has many addresses: clients connect from
 * 127.0.0.5 and up, the first proxy forwards from 127.0.0.2, the second from 127.0.0.3 — the two
 * trusted proxies. Whatever a client writes in X-Forwarded-For, it keeps its own budget.
 */
@Tag("database")
@QuarkusTest
@TestProfile(ProxyChainTest.BehindTwoProxies.class)
class ProxyChainTest {
    public static class BehindTwoProxies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.limits.trusted-proxies", "127.0.0.2/32,127.0.0.3",
                    "portal.limits.create-per-window", "3",
                    "portal.limits.lookup-failures-per-window", "4");
        }
    }

    private static final AtomicInteger SPOOF = new AtomicInteger();

    @TestHTTPResource("/")
    URL server;

    private AppendingProxy inner;
    private AppendingProxy outer;

    @BeforeEach
    void startProxies() throws IOException {
        inner = new AppendingProxy("127.0.0.3", server.getPort());
        outer = new AppendingProxy("127.0.0.2", inner.port());
    }

    @AfterEach
    void stopProxies() throws IOException {
        outer.close();
        inner.close();
    }

    /** Sends one request from {@code clientAddress} to {@code port} with a client-written X-Forwarded-For; the status. */
    private static int send(String clientAddress, int port, String method, String path, String headers, String body)
            throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: portal.test\r\nConnection: close\r\n"
                    + "X-Forwarded-For: 203.0.113." + (SPOOF.incrementAndGet() % 250) + "\r\n" + headers
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private int createCase(String clientAddress, int port) throws IOException {
        String md5 = String.format(Locale.ROOT, "%032x", 0xfeed0000L + SPOOF.incrementAndGet());
        return send(clientAddress, port, "POST", "/api/cases", "Content-Type: application/json\r\n",
                "{\"items\":[{\"kind\":\"other\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null}]}");
    }

    @Test
    void eachClientBehindTheChainKeepsItsOwnBudgetWhateverItWritesInForwardedFor() throws IOException {
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(createCase("127.0.0.5", outer.port()));
        }
        assertThat(first).containsExactly(201, 201, 201, 429);
        assertThat(createCase("127.0.0.6", outer.port())).isEqualTo(201);
        assertThat(outer.forwarded()).isEqualTo(5);
        assertThat(inner.forwarded()).isEqualTo(5);
    }

    @Test
    void guessingKeysWithANewForwardedForEachTimeStillRunsOutOfLookups() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send("127.0.0.7", outer.port(), "GET", "/api/cases/E5P7R-AHREJ",
                    "X-Case-Key: BADKEYBADKEYBADKEYBADKEY22\r\n", ""));
        }
        assertThat(statuses).containsExactly(404, 404, 404, 404, 429, 429);
    }

    @Test
    void forwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() throws IOException {
        // Straight to the server from 127.0.0.9, a new X-Forwarded-For each time: all count against 127.0.0.9.
        List<Integer> direct = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            direct.add(createCase("127.0.0.9", server.getPort()));
        }
        assertThat(direct).containsExactly(201, 201, 201, 429);
    }

    /** A reverse proxy on loopback that appends its peer to X-Forwarded-For and forwards from {@code source}. */
    static final class AppendingProxy implements AutoCloseable {
        private final ServerSocket listener;
        private final String source;
        private final int target;
        private final AtomicInteger forwarded = new AtomicInteger();
        private final Thread acceptor;

        AppendingProxy(String source, int target) throws IOException {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.source = source;
            this.target = target;
            this.acceptor = new Thread(this::acceptAll, "appending-proxy-" + source);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int forwarded() {
            return forwarded.get();
        }

        private void acceptAll() {
            while (!listener.isClosed()) {
                try (Socket client = listener.accept()) {
                    forward(client);
                } catch (IOException e) {
                    if (!listener.isClosed()) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        private void forward(Socket client) throws IOException {
            InputStream in = client.getInputStream();
            String[] lines = readHead(in).split("\r\n");
            StringBuilder head = new StringBuilder(lines[0]).append("\r\n");
            List<String> forwardedFor = new ArrayList<>();
            int length = 0;
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, lines[i].indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(lines[i].indexOf(':') + 1).trim();
                if (name.equals("x-forwarded-for")) {
                    forwardedFor.add(value);
                } else if (!name.equals("connection")) {
                    head.append(lines[i]).append("\r\n");
                }
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                }
            }
            forwardedFor.add(client.getInetAddress().getHostAddress());
            head.append("X-Forwarded-For: ").append(String.join(", ", forwardedFor)).append("\r\nConnection: close\r\n\r\n");
            byte[] body = in.readNBytes(length);
            try (Socket upstream = new Socket()) {
                upstream.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
                upstream.setSoTimeout(30_000);
                OutputStream out = upstream.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                forwarded.incrementAndGet();
                upstream.getInputStream().transferTo(client.getOutputStream());
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed inside the request head");
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            return text.substring(0, text.length() - 4);
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
