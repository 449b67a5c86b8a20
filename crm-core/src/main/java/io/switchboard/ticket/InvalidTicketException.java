package io.switchboard.ticket;

/** A request the ticket cannot take: names the field and says what is wrong, for a 400 answer. */
public class InvalidTicketException extends RuntimeException {

    private final String field;

    public InvalidTicketException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
