package org.takeitdown.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;

/**
 * Every request the browser sends, with its body, recorded through DevTools {@code Network.requestWillBeSent} until
 * {@link #close}, which ends the DevTools session (the browser may be kept for the next test).
 */
public final class RequestBodies implements AutoCloseable {
    public record Sent(String method, String url, byte[] body) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

    private final DevTools devTools;

    private RequestBodies(DevTools devTools) {
        this.devTools = devTools;
    }

    public static RequestBodies record(ChromeDriver driver) {
        DevTools devTools = driver.getDevTools();
        RequestBodies bodies = new RequestBodies(devTools);
        devTools.createSession();
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        devTools.addListener(Network.requestWillBeSent(), event -> {
            var request = event.getRequest();
            String body = request.getPostData().orElse(null);
            if (body == null && request.getHasPostData().orElse(false)) {
                body = devTools.send(Network.getRequestPostData(event.getRequestId())).getPostData();
            }
            bodies.sent.add(new Sent(request.getMethod(), request.getUrl(),
                    body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
        });
        return bodies;
    }

    public List<Sent> all() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public long bodyBytes() {
        return all().stream().mapToLong(s -> s.body().length).sum();
    }

    @Override
    public void close() {
        devTools.clearListeners();
        devTools.disconnectSession();
    }
}
