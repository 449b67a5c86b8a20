package io.switchboard.activity;

/** A disposition the agent must correct; {@link #field()} names what is wrong. */
public class InvalidDispositionException extends RuntimeException {

    private final String field;

    public InvalidDispositionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
