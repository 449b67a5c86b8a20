package io.switchboard.gateway.webhook;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.webhook.WebhookEvent.Answered;
import io.switchboard.gateway.webhook.WebhookEvent.Hangup;
import io.switchboard.gateway.webhook.WebhookEvent.NewCall;
import io.switchboard.gateway.webhook.WebhookEvent.Ringing;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a posted body into a {@link WebhookEvent}, or says precisely why it cannot: malformed JSON, or every field
 * that is missing or wrong. Fields the schema does not name are ignored, so PBXes may send more. Thread-safe.
 */
final class WebhookEventReader {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_TEXT_LENGTH = 256;
    /** Q.850 16, Normal Clearing: what a hangup without a cause means. */
    static final int DEFAULT_CAUSE = 16;

    private static final Map<String, CallDirection> DIRECTIONS = directions();
    private static final Map<String, EventType> TYPES = types();

    /** The fields every event has. */
    private record Common(String eventId, String callId, Instant occurredAt) {}

    @FunctionalInterface
    private interface TypeReader {
        WebhookEvent read(Common common, EventFields fields);
    }

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Map<EventType, TypeReader> readers = new EnumMap<>(EventType.class);
    private final WebhookQueues queues;

    WebhookEventReader() {
        this(WebhookQueues.defaults());
    }

    WebhookEventReader(WebhookQueues queues) {
        this.queues = queues;
        readers.put(EventType.NEW_CALL, this::newCall);
        readers.put(EventType.RINGING, (c, f) -> new Ringing(c.eventId, c.callId, c.occurredAt, agent(f)));
        readers.put(EventType.ANSWERED, (c, f) -> new Answered(c.eventId, c.callId, c.occurredAt, agent(f)));
        readers.put(EventType.HANGUP, WebhookEventReader::hangup);
    }

    WebhookEvent read(byte[] body) throws InvalidEventException {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new InvalidEventException("the body must be a JSON object");
        }
        EventFields fields = new EventFields(root);
        EventType type = fields.requiredChoice("type", TYPES);
        Common common = new Common(
                fields.requiredString("eventId", MAX_ID_LENGTH),
                fields.requiredString("callId", MAX_ID_LENGTH),
                fields.requiredInstant("occurredAt"));
        WebhookEvent event = type == null ? null : readers.get(type).read(common, fields);
        List<FieldError> errors = fields.errors();
        if (!errors.isEmpty()) {
            String what = type == null ? "event" : type.wireName() + " event";
            throw new InvalidEventException("invalid " + what + ": " + join(errors), errors);
        }
        return event;
    }

    private JsonNode parse(byte[] body) throws InvalidEventException {
        if (body.length == 0) {
            throw new InvalidEventException("the body is empty; expected a JSON object");
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidEventException("malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private NewCall newCall(Common c, EventFields f) {
        return new NewCall(
                c.eventId,
                c.callId,
                c.occurredAt,
                f.requiredChoice("direction", DIRECTIONS),
                f.optionalString("from", MAX_TEXT_LENGTH),
                f.optionalString("fromName", MAX_TEXT_LENGTH),
                f.requiredString("to", MAX_TEXT_LENGTH),
                queue(f));
    }

    private String queue(EventFields f) {
        String queue = f.optionalString("queue", MAX_TEXT_LENGTH);
        String refusal = queue == null ? null : queues.refusal(queue);
        if (refusal != null) {
            f.reject("queue", refusal);
            return null;
        }
        return queue;
    }

    private static Hangup hangup(Common c, EventFields f) {
        Integer cause = f.optionalInt("cause", 0, 127);
        String causeText = f.optionalString("causeText", MAX_TEXT_LENGTH);
        if (cause == null) {
            return new Hangup(
                    c.eventId,
                    c.callId,
                    c.occurredAt,
                    DEFAULT_CAUSE,
                    causeText != null ? causeText : "Normal Clearing");
        }
        return new Hangup(c.eventId, c.callId, c.occurredAt, cause, causeText);
    }

    private static String agent(EventFields f) {
        return f.requiredString("agent", MAX_TEXT_LENGTH);
    }

    private static String join(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(FieldError::toString).toList());
    }

    private static Map<String, CallDirection> directions() {
        Map<String, CallDirection> directions = new LinkedHashMap<>();
        directions.put("inbound", CallDirection.INBOUND);
        directions.put("outbound", CallDirection.OUTBOUND);
        return directions;
    }

    private static Map<String, EventType> types() {
        Map<String, EventType> types = new LinkedHashMap<>();
        Arrays.stream(EventType.values()).forEach(t -> types.put(t.wireName(), t));
        return types;
    }
}
