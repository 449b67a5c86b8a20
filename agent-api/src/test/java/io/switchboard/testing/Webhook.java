package io.switchboard.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Posts signed events to the PBX webhook, as a PBX does. */
public final class Webhook {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Webhook(int port) {
        this.port = port;
    }

    /** @param fields more JSON fields, each starting with a comma */
    public HttpResponse<String> post(String callId, String n, String type, Instant at, String fields) {
        String body = "{\"eventId\":\"" + callId + "-" + n + "\",\"type\":\"" + type + "\",\"callId\":\"" + callId
                + "\",\"occurredAt\":\"" + at + "\"" + fields + "}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    ApplicationOnPostgres.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature =
                    HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pbx/events"))
                            .header("Content-Type", "application/json")
                            .header("X-Switchboard-Timestamp", timestamp)
                            .header("X-Switchboard-Signature", "sha256=" + signature)
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
