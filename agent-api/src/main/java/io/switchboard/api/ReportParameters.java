package io.switchboard.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Reads the reports' query parameters, each refused as a 400 problem naming it. */
final class ReportParameters {

    private ReportParameters() {}

    /** An enum constant by name, in any case and with {@code -} for {@code _}; {@code null} when absent. */
    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw InvalidRequestException.of(field, "'" + value + "' is not one of " + names(type));
    }

    /** A whole number of seconds, 0 or more; {@code null} when absent. */
    static Integer seconds(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below, as a negative number is
        }
        throw InvalidRequestException.of(field, "must be a whole number of seconds, 0 or more");
    }

    static Boolean yesNo(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidRequestException.of(field, "'" + value + "' is not one of true, false");
        };
    }

    /** An ISO-8601 instant ({@code 2026-12-01T08:00:00Z}); {@code null} when absent. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "must be a time with its offset, e.g. 2026-12-01T08:00:00Z");
        }
    }

    /** An ISO-8601 date ({@code 2026-12-01}); {@code null} when absent. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "must be a date such as 2026-12-01");
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(
                ", ",
                Arrays.stream(type.getEnumConstants())
                        .map(constant ->
                                constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .toList());
    }
}
