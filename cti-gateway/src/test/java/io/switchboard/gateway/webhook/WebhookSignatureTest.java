package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String TIMESTAMP = "1777887000";
    private static final byte[] BODY =
            "{\"eventId\":\"evt-0001\",\"type\":\"call.hangup\",\"callId\":\"c-42\",\"occurredAt\":\"2026-05-04T09:30:00Z\"}"
                    .getBytes(StandardCharsets.UTF_8);
    /** From {@code printf '%s' "$TIMESTAMP.$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex}, as the docs sign. */
    private static final String OPENSSL_SIGNATURE =
            "sha256=68cb9bdf8c99d706b748cd41881df8f00fad7e951f4114382f91db2ea6cf1f42";

    private final WebhookSignature signature = new WebhookSignature(WebhookFixture.SECRET);

    @Test
    void signsTheTimestampADotAndTheBodyAsOpensslDoes() {
        assertThat(signature.sign(TIMESTAMP, BODY)).isEqualTo(OPENSSL_SIGNATURE);
        assertThat(signature.matches(OPENSSL_SIGNATURE, TIMESTAMP, BODY)).isTrue();
        assertThat(signature.matches(OPENSSL_SIGNATURE.toUpperCase().replace("SHA256=", "sha256="), TIMESTAMP, BODY))
                .as("hex digits in either case")
                .isTrue();
    }

    @Test
    void aDifferentTimestampBodyOrSecretDoesNotMatch() {
        assertThat(signature.matches(OPENSSL_SIGNATURE, "1777887001", BODY)).isFalse();
        assertThat(signature.matches(OPENSSL_SIGNATURE, TIMESTAMP, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(new WebhookSignature("another-secret-that-is-long-enough-too!!")
                        .matches(OPENSSL_SIGNATURE, TIMESTAMP, BODY))
                .isFalse();
    }

    @Test
    void malformedSignatureHeadersNeverMatch() {
        String hex = OPENSSL_SIGNATURE.substring("sha256=".length());
        assertThat(signature.matches(null, TIMESTAMP, BODY)).isFalse();
        assertThat(signature.matches(hex, TIMESTAMP, BODY)).as("no scheme").isFalse();
        assertThat(signature.matches("sha1=" + hex, TIMESTAMP, BODY)).isFalse();
        assertThat(signature.matches("sha256=" + hex.substring(2), TIMESTAMP, BODY))
                .as("too short")
                .isFalse();
        assertThat(signature.matches("sha256=" + hex + "00", TIMESTAMP, BODY))
                .as("too long")
                .isFalse();
        assertThat(signature.matches("sha256=" + hex.replace('a', 'z'), TIMESTAMP, BODY))
                .as("not hex")
                .isFalse();
    }
}
