package io.switchboard.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a query or path parameter must look like, for the problem that refuses one that does not. */
final class ParameterTypes {

    private ParameterTypes() {}

    static String describe(Object value, Class<?> type) {
        String given = value == null ? "" : "'" + shortened(String.valueOf(value)) + "' ";
        return given + expected(type);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong form";
        }
        if (type.isEnum()) {
            return "is not one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "is not a whole number in range";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "is not true or false";
        }
        if (type == char.class || type == Character.class) {
            return "must be one character";
        }
        if (type == Instant.class) {
            return "is not a date and time such as 2026-01-31T09:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "is not a number";
        }
        return "has the wrong form";
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
