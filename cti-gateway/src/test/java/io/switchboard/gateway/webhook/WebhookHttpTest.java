package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the webhook refuses, over real HTTP: each answer's status, RFC 9457 body and headers, and its count. */
class WebhookHttpTest {

    private final WebhookFixture webhook = new WebhookFixture();
    private final JsonMapper json = JsonMapper.builder().build();
    private final CallScript call = new CallScript("pbx-call-1");

    @AfterEach
    void stop() {
        webhook.close();
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("about:blank");
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        return problem;
    }

    private HttpResponse<String> postWithHeaders(String body, String timestamp, String signature) {
        HttpRequest.Builder request = webhook.client.events().POST(BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(WebhookSignature.SIGNATURE_HEADER, signature);
        }
        return webhook.client.send(request);
    }

    @Test
    void aBodySignedWithAnotherSecretIsUnauthorized() {
        String body = call.inbound("+4930123456", "500", null);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String forged = new WebhookSignature("another-secret-that-is-long-enough-too!!")
                .sign(timestamp, body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = postWithHeaders(body, timestamp, forged);

        assertThat(problem(response, 401).get("detail").stringValue()).contains("does not match");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(webhook.requests("unauthorized")).isEqualTo(1);
        assertThat(webhook.events.all()).isEmpty();
    }

    @Test
    void aBodyChangedAfterSigningIsUnauthorized() {
        String body = call.inbound("+4930123456", "500", null);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature =
                new WebhookSignature(WebhookFixture.SECRET).sign(timestamp, body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = postWithHeaders(body.replace("500", "501"), timestamp, signature);

        problem(response, 401);
    }

    @Test
    void aRequestWithoutSignatureOrTimestampIsUnauthorized() {
        String body = call.inbound("+4930123456", "500", null);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        JsonNode noSignature = problem(postWithHeaders(body, timestamp, null), 401);
        JsonNode noTimestamp = problem(postWithHeaders(body, null, "sha256=00"), 401);
        JsonNode garbled = problem(postWithHeaders(body, timestamp, "sha256=not-hex"), 401);

        assertThat(noSignature.get("detail").stringValue()).contains("missing X-Switchboard-Signature");
        assertThat(noTimestamp.get("detail").stringValue()).contains("missing X-Switchboard-Timestamp");
        assertThat(garbled.get("detail").stringValue()).contains("does not match");
        assertThat(webhook.requests("unauthorized")).isEqualTo(3);
    }

    @Test
    void aCorrectlySignedRequestWithAStaleTimestampIsRefusedAsAReplay() {
        long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();

        HttpResponse<String> response = webhook.client.post(call.inbound("+4930123456", "500", null), tenMinutesAgo);

        // 600 s, or 601 when the server reads its clock in the next second
        assertThat(problem(response, 401).get("detail").stringValue())
                .containsPattern("X-Switchboard-Timestamp is 60[01] s from the server's clock");
        assertThat(webhook.events.all()).isEmpty();
    }

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() {
        HttpResponse<String> response = webhook.client.post("{\"eventId\": \"e-1\", \"type\": ");

        String detail = problem(response, 400).get("detail").stringValue();
        assertThat(detail).startsWith("malformed JSON at line 1, column");
        assertThat(webhook.requests("bad_request")).isEqualTo(1);
    }

    @Test
    void aMissingFieldIsABadRequestNamingTheField() {
        String body = call.ringing("1001").replace("\"agent\": \"1001\"", "\"agnet\": \"1001\"");

        JsonNode problem = problem(webhook.client.post(body), 400);

        assertThat(problem.get("detail").stringValue()).isEqualTo("invalid call.ringing event: agent is required");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("agent");
        assertThat(problem.get("errors").get(0).get("message").stringValue()).isEqualTo("is required");
    }

    @Test
    void everyWrongFieldIsListed() {
        String body = "{\"eventId\": \"e-1\", \"type\": \"call.new\", \"occurredAt\": \"yesterday\","
                + " \"direction\": \"sideways\", \"to\": 500}";

        JsonNode problem = problem(webhook.client.post(body), 400);

        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("callId", "occurredAt", "direction", "to");
    }

    @Test
    void aBodyOverTheLimitIsRefusedFromItsDeclaredLengthAndTheConnectionClosed() throws IOException {
        // a raw socket: java.net.http would start sending the body, or (with Expect) wait for a 100 forever on Java 17
        String raw;
        try (Socket socket = new Socket()) {
            socket.connect(webhook.gateway.address().orElseThrow(), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nContent-Length: " + 70 * 1024 + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(raw).startsWith("HTTP/1.1 413 Request Entity Too Large\r\n").contains("connection: close");
        assertThat(raw).endsWith("\"detail\":\"the body is larger than 65536 bytes\"}");
        assertThat(webhook.requests("too_large")).isEqualTo(1);
        assertThat(webhook.client.post(call.inbound("+4930123456", "500", null)).statusCode())
                .as("the webhook still takes events")
                .isEqualTo(202);
    }

    @Test
    void otherPathsAreNotFoundAndOtherMethodsNotAllowed() {
        HttpResponse<String> wrongPath =
                webhook.client.send(webhook.client.request("/pbx/event").POST(BodyPublishers.ofString("{}")));
        HttpResponse<String> wrongMethod =
                webhook.client.send(webhook.client.events().GET());

        assertThat(problem(wrongPath, 404).get("detail").stringValue()).contains("POST /pbx/events");
        problem(wrongMethod, 405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(webhook.requests("not_found")).isEqualTo(1);
        assertThat(webhook.requests("method_not_allowed")).isEqualTo(1);
    }
}
