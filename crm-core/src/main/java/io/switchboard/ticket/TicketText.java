package io.switchboard.ticket;

/** Checks and trims the free text of tickets: subjects, descriptions, reasons. */
final class TicketText {

    private TicketText() {}

    /**
     * @throws InvalidTicketException blank or longer than {@code max}
     */
    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidTicketException(field, "a " + field + " is required");
        }
        return optional(field, value, max);
    }

    /**
     * @return {@code null} for blank text
     * @throws InvalidTicketException longer than {@code max}
     */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidTicketException(field, field + " must be at most " + max + " characters");
        }
        return stripped;
    }
}
