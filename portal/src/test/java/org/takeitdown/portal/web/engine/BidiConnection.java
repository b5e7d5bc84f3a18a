package org.takeitdown.portal.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A minimal WebDriver BiDi client over a WebSocket (java.net.http + Jackson): numbered commands answered by
 * id, events handed to one listener. Protocol errors become {@link BidiException}.
 */
final class BidiConnection implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A command answered with {@code type: "error"}: the BiDi error code and its message. */
    static final class BidiException extends RuntimeException {
        final String error;

        BidiException(String method, String error, String message) {
            super(method + ": " + error + ": " + message);
            this.error = error;
        }
    }

    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile Consumer<JsonNode> events = e -> { };

    private BidiConnection(URI uri) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener()).get(15, TimeUnit.SECONDS);
    }

    static BidiConnection open(URI uri) throws Exception {
        return new BidiConnection(uri);
    }

    void onEvent(Consumer<JsonNode> listener) {
        events = listener;
    }

    JsonNode send(String method, Map<String, ?> params, Duration timeout) {
        long id = ids.incrementAndGet();
        ObjectNode command = JSON.createObjectNode();
        command.put("id", id);
        command.put("method", method);
        command.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) {
                socket.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
            }
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if ("error".equals(reply.path("type").asText())) {
                throw new BidiException(method, reply.path("error").asText(), reply.path("message").asText());
            }
            return reply.path("result");
        } catch (TimeoutException e) {
            throw new AssertionError("WebDriver BiDi " + method + " got no answer in " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError("WebDriver BiDi connection failed during " + method, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("connection closed")));
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (java.io.IOException e) {
            return;
        }
        if (message.has("id") && !message.get("id").isNull()) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
        } else if ("event".equals(message.path("type").asText())) {
            events.accept(message);
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed: " + reason)));
            return null;
        }
    }
}
