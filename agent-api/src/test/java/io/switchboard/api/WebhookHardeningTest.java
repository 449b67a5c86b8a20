package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.webhook.WebhookGateway;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import io.switchboard.testing.Webhook;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a PBX (or whoever holds the webhook's secret) sends cannot forge log lines, grow the wallboard or hide calls. */
@ExtendWith(OutputCaptureExtension.class)
class WebhookHardeningTest extends ApplicationOnPostgres {

    @Autowired
    WebhookGateway gateway;

    private Webhook webhook;

    @BeforeAll
    void theWebhook() {
        webhook = new Webhook(gateway.address().orElseThrow().getPort());
    }

    @Test
    void aCallerNameWithLineBreaksStaysOnItsOwnLogLine(CapturedOutput output) {
        String callId = "forged-" + System.nanoTime();
        String forged = "2026-12-06T23:59:59.000Z ERROR 1 --- [main] security : admin password reset by " + callId;
        Instant start = Instant.now();

        HttpResponse<String> posted = webhook.post(
                callId,
                "1",
                "call.new",
                start,
                ",\"direction\":\"inbound\",\"from\":\"+49301234567\",\"fromName\":\"Eve\\r\\n" + forged
                        + "\",\"to\":\"500\"");
        webhook.post(callId, "2", "call.hangup", start.plusSeconds(1), "");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        // the call log writes the event with the caller's name: once it is there, the line is complete
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("Eve\\r\\n2026-12-06T23:59:59"));
        assertThat(Arrays.stream(output.getOut().split("\\R")))
                .noneMatch(line -> line.startsWith("2026-12-06T23:59:59.000Z ERROR"));
    }

    @Test
    void theActiveCallsGaugeCountsTheWebhooksCallsBesideAsterisks() {
        String callId = "gauge-" + System.nanoTime();
        Instant start = Instant.now();
        assertThat(webhook.post(
                                callId,
                                "1",
                                "call.new",
                                start,
                                ",\"direction\":\"inbound\",\"from\":\"+49301234567\",\"to\":\"500\"")
                        .statusCode())
                .isEqualTo(202);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> activeCalls("webhook") >= 1);
            assertThat(activeCalls("ami")).isGreaterThanOrEqualTo(0);
        } finally {
            webhook.post(callId, "2", "call.hangup", start.plusSeconds(1), "");
        }
    }

    @Test
    void eventsNameOnlyWellFormedQueues() {
        Instant start = Instant.now();
        HttpResponse<String> markup = webhook.post(
                "queue-" + System.nanoTime(),
                "1",
                "call.new",
                start,
                ",\"direction\":\"inbound\",\"from\":\"+49301234567\",\"to\":\"500\",\"queue\":\"<b>x</b>\"");
        HttpResponse<String> lineBreak = webhook.post(
                "queue-" + System.nanoTime(),
                "1",
                "call.new",
                start,
                ",\"direction\":\"inbound\",\"from\":\"+49301234567\",\"to\":\"500\",\"queue\":\"a\\nb\"");

        assertThat(markup.statusCode()).isEqualTo(400);
        assertThat(markup.body()).contains("queue");
        assertThat(lineBreak.statusCode()).isEqualTo(400);
    }

    /** The gauge's value for one source, or -1 when the scrape has no such series. */
    private double activeCalls(String source) {
        HttpResponse<String> scrape = call("GET", "/actuator/prometheus", TestUser.ADMIN, null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        Matcher line = Pattern.compile("(?m)^switchboard_calls_active\\{[^}]*source=\"" + source + "\"[^}]*} (\\S+)$")
                .matcher(scrape.body());
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }
}
