package io.switchboard.gateway.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Posts to a webhook over real HTTP, signing as a PBX would (or not, or wrongly, on purpose). */
final class WebhookClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final WebhookSignature signature;

    WebhookClient(InetSocketAddress address, String secret) {
        this.base = "http://127.0.0.1:" + address.getPort();
        this.signature = new WebhookSignature(secret);
    }

    /** Signed now. */
    HttpResponse<String> post(String body) {
        return post(body, Instant.now().getEpochSecond());
    }

    HttpResponse<String> post(String body, long timestampSeconds) {
        String timestamp = Long.toString(timestampSeconds);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(events().header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** A request to {@code POST /pbx/events} with a JSON content type and nothing else set. */
    HttpRequest.Builder events() {
        return request(RequestRouter.EVENTS_PATH).header("Content-Type", "application/json");
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
