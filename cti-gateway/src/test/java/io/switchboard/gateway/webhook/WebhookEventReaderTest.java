package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.webhook.WebhookEvent.Answered;
import io.switchboard.gateway.webhook.WebhookEvent.Hangup;
import io.switchboard.gateway.webhook.WebhookEvent.NewCall;
import io.switchboard.gateway.webhook.WebhookEvent.Ringing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookEventReaderTest {

    private final WebhookEventReader reader = new WebhookEventReader();
    private final CallScript call = new CallScript("c-42");

    private WebhookEvent read(String json) throws InvalidEventException {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidEventException invalid(String json) {
        return catchThrowableOfType(InvalidEventException.class, () -> read(json));
    }

    @Test
    void readsEachEventType() throws InvalidEventException {
        assertThat(read(call.inbound("+4930123456", "500", "support")))
                .isEqualTo(new NewCall(
                        "c-42-1",
                        "c-42",
                        Instant.parse("2026-05-04T09:30:00.250Z"),
                        CallDirection.INBOUND,
                        "+4930123456",
                        "Alice Example",
                        "500",
                        "support"));
        assertThat(read(call.ringing("1001")))
                .isInstanceOf(Ringing.class)
                .extracting("agent")
                .isEqualTo("1001");
        assertThat(read(call.answered("1001")))
                .isInstanceOf(Answered.class)
                .extracting("agent")
                .isEqualTo("1001");
        assertThat(read(call.hangup(17)))
                .isInstanceOf(Hangup.class)
                .extracting("cause")
                .isEqualTo(17);
    }

    @Test
    void readsOffsetsOtherThanUtcAsTheSameInstant() throws InvalidEventException {
        WebhookEvent event =
                read(call.answered("1001").replace("2026-05-04T09:30:00.250Z", "2026-05-04T11:30:00.250+02:00"));

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-05-04T09:30:00.250Z"));
    }

    @Test
    void optionalFieldsMayBeAbsentNullOrEmptyAndUnknownFieldsAreIgnored() throws InvalidEventException {
        String json =
                "{\"eventId\": \"e-1\", \"type\": \"call.new\", \"callId\": \"c-1\", \"occurredAt\": \"2026-05-04T09:30:00Z\","
                        + " \"direction\": \"inbound\", \"from\": null, \"fromName\": \"\", \"to\": \"500\","
                        + " \"pbxSpecific\": {\"trunk\": \"sip-1\"}}";

        NewCall event = (NewCall) read(json);

        assertThat(event.from()).isNull();
        assertThat(event.fromName()).isNull();
        assertThat(event.queue()).isNull();
    }

    @Test
    void aHangupWithoutACauseIsANormalClearing() throws InvalidEventException {
        Hangup hangup = (Hangup) read(call.hangup(16).replace(", \"cause\": 16", ""));

        assertThat(hangup.cause()).isEqualTo(16);
        assertThat(hangup.causeText()).isEqualTo("Normal Clearing");
    }

    @Test
    void namesEveryMissingOrWrongField() {
        InvalidEventException e = invalid("{\"type\": \"call.hangup\", \"eventId\": 7, \"callId\": \" \","
                + " \"occurredAt\": \"2026-05-04 09:30\", \"cause\": 300}");

        assertThat(e.errors())
                .containsExactly(
                        new FieldError("eventId", "must be a string"),
                        new FieldError("callId", "must not be blank"),
                        new FieldError(
                                "occurredAt",
                                "must be an ISO-8601 date-time with an offset, such as 2026-05-04T09:30:00.250Z"),
                        new FieldError("cause", "must be a whole number from 0 to 127"));
        assertThat(e.getMessage()).startsWith("invalid call.hangup event: eventId must be a string; callId must");
    }

    @Test
    void anUnknownTypeIsNamedWithTheTypesThereAre() {
        InvalidEventException e = invalid(call.hangup(16).replace("call.hangup", "call.parked"));

        assertThat(e.errors())
                .containsExactly(
                        new FieldError("type", "must be one of call.new, call.ringing, call.answered, call.hangup"));
        assertThat(e.getMessage()).startsWith("invalid event: type must be one of");
    }

    @Test
    void tooLongIdsAreRefused() {
        String longId = "x".repeat(WebhookEventReader.MAX_ID_LENGTH + 1);

        assertThat(invalid(call.hangup(16).replace("\"c-42-1\"", "\"" + longId + "\""))
                        .errors())
                .containsExactly(new FieldError("eventId", "must be at most 128 characters"));
    }

    @Test
    void malformedJsonSaysWhatAndWhere() {
        assertThat(invalid("{\"eventId\": \"e-1\",\n \"type\" \"call.new\"}").getMessage())
                .startsWith("malformed JSON at line 2, column")
                .contains("expecting a colon");
        assertThat(invalid("{\"type\": \"call.new\", \"type\": \"call.hangup\"}")
                        .getMessage())
                .startsWith("malformed JSON")
                .contains("Duplicate");
        assertThat(invalid(call.hangup(16) + " {}").getMessage()).startsWith("malformed JSON");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> read("")).hasMessage("the body is empty; expected a JSON object");
        assertThatThrownBy(() -> read("[1, 2]")).hasMessage("the body must be a JSON object");
        assertThatThrownBy(() -> read("\"call.new\"")).hasMessage("the body must be a JSON object");
    }
}
