package io.switchboard.gateway.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one posted JSON object, noting what is wrong with each rather than stopping at the first, so
 * that a 400 names every field to fix. A getter returns null for a field it found wrong (and notes why).
 */
final class EventFields {

    private final JsonNode object;
    private final List<FieldError> errors = new ArrayList<>();

    EventFields(JsonNode object) {
        this.object = object;
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    String requiredString(String name, int maxLength) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        String value = string(name, node, maxLength);
        if (value != null && value.isBlank()) {
            errors.add(new FieldError(name, "must not be blank"));
            return null;
        }
        return value;
    }

    /** A field that is well-typed but refused by a rule outside this class. */
    void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** An absent, null or blank optional string is null: PBXes often send "" for "unknown". */
    String optionalString(String name, int maxLength) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = string(name, node, maxLength);
        return value == null || value.isBlank() ? null : value;
    }

    private String string(String name, JsonNode node, int maxLength) {
        if (!node.isString()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        String value = node.stringValue();
        if (value.length() > maxLength) {
            errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    Instant requiredInstant(String name) {
        String text = requiredString(name, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    name, "must be an ISO-8601 date-time with an offset, such as 2026-05-04T09:30:00.250Z"));
            return null;
        }
    }

    /** One of a fixed set of words; {@code choices} in the order the error message should list them. */
    <E> E requiredChoice(String name, Map<String, E> choices) {
        String text = requiredString(name, 64);
        if (text == null) {
            return null;
        }
        E value = choices.get(text);
        if (value == null) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", choices.keySet())));
        }
        return value;
    }

    Integer optionalInt(String name, int min, int max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
            return null;
        }
        return node.intValue();
    }
}
