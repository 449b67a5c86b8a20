package io.switchboard.gateway.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A desktop as the tests see it: the JDK's WebSocket client (which answers pings by itself), collecting the text
 * messages it receives and how the server closed it.
 */
final class DesktopClient implements WebSocket.Listener, AutoCloseable {

    record Close(int code, String reason) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens a session with {@code token} in the query string, from the allowed test origin. */
    static DesktopClient connect(int port, String token) {
        return connect(port, "/cti?token=" + token, EdgeTestSupport.ORIGIN);
    }

    static DesktopClient connect(int port, String pathAndQuery, String origin, String... subprotocols) {
        DesktopClient client = new DesktopClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), client)
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    WebSocket socket() {
        return socket;
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The next message, waiting up to 5 s; fails the test if none comes. */
    String next() throws InterruptedException {
        String message = messages.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No message within 5 s");
        }
        return message;
    }

    /** A message arriving within {@code millis}, or null. */
    String poll(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    List<String> drain() {
        List<String> all = new ArrayList<>();
        messages.drainTo(all);
        return all;
    }

    Close awaitClose() {
        return closed.orTimeout(5, TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
