package org.takeitdown.portal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Requests written byte for byte on a new connection: what no HTTP client library would send (malformed addresses, raw UTF-8 headers, broken bodies). */
public final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code request} as is to the test server at {@code root} and returns all it answers until it closes, as UTF-8. */
    public static String exchange(URL root, byte[] request) throws IOException {
        try (Socket socket = open(root, request)) {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@link #exchange} of an ASCII request. */
    public static String exchange(URL root, String request) throws IOException {
        return exchange(root, request.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends the ASCII {@code request} and closes the connection at once, reading nothing: a client that went away. */
    public static void sendAndLeave(URL root, String request) throws IOException {
        open(root, request.getBytes(StandardCharsets.US_ASCII)).close();
    }

    /** Sends the ASCII {@code request} and keeps the connection open, unread: a client still sending, for the caller to close. */
    public static Socket sendAndHold(URL root, String request) throws IOException {
        return open(root, request.getBytes(StandardCharsets.US_ASCII));
    }

    private static Socket open(URL root, byte[] request) throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        try {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
