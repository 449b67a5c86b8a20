package io.switchboard.reportmail;

/** A subscription that cannot be stored; {@link #field()} names what is wrong. */
public class InvalidSubscriptionException extends RuntimeException {

    private final String field;

    InvalidSubscriptionException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
