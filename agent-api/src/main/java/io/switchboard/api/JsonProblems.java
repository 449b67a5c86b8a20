package io.switchboard.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What a client needs to know about a JSON body that could not be read: which field (as a JSON pointer, such as
 * {@code /retryDelays/BUSY}) and what it must be (the allowed values of an enum, the form of a duration). Never the
 * Java type or the parser's own message, which name classes of ours and help nobody fix the request.
 */
final class JsonProblems {

    /** The field of a problem with the body as a whole (malformed JSON, an array where an object belongs). */
    static final String BODY = "body";

    private JsonProblems() {}

    static ApiProblems.FieldMessage describe(JacksonException e) {
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
            return new ApiProblems.FieldMessage(BODY, "is not valid JSON" + where(e));
        }
        String field = pointer(e);
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            // a record refusing its values says why in words (NewContact: "a contact needs a name")
            return new ApiProblems.FieldMessage(field, cause.getMessage());
        }
        if (e instanceof InvalidFormatException invalid) {
            return new ApiProblems.FieldMessage(
                    field, "'" + shortened(invalid.getValue()) + "' " + expected(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new ApiProblems.FieldMessage(field, expected(mismatched.getTargetType()));
        }
        return new ApiProblems.FieldMessage(field, "could not be read" + where(e));
    }

    /** The JSON pointer (RFC 6901) of the field, or {@link #BODY}. */
    private static String pointer(JacksonException e) {
        if (e.getPath().isEmpty()) {
            return BODY;
        }
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "is not one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type == Duration.class) {
            return "must be an ISO-8601 duration such as PT10M or PT2H";
        }
        if (type == Instant.class) {
            return "must be a date and time such as 2026-01-31T09:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-01-31";
        }
        if (type == LocalTime.class) {
            return "must be a time such as 09:00";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
