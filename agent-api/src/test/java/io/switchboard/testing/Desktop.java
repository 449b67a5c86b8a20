package io.switchboard.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** An agent desktop on the CTI edge: the JDK WebSocket client, keeping every message it receives, parsed. */
public final class Desktop implements WebSocket.Listener, AutoCloseable {

    public static final String ORIGIN = "http://localhost:8080";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {}

    public static Desktop connect(int port, String token) {
        Desktop desktop = new Desktop();
        desktop.socket = HTTP.newWebSocketBuilder()
                .header("Origin", ORIGIN)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/cti?token=" + token), desktop)
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        return desktop;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Waits (up to 10 s) for the server to close the socket, and says how it did. */
    public Closed awaitClose() {
        return closed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** The payloads of the messages of this type received so far, in order. */
    public List<JsonNode> received(String type) {
        List<JsonNode> payloads = new ArrayList<>();
        for (JsonNode message : messages) {
            if (type.equals(message.path("type").asText())) {
                payloads.add(message.path("payload"));
            }
        }
        return payloads;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                .orTimeout(2, TimeUnit.SECONDS)
                .exceptionally(e -> null);
    }
}
