package io.switchboard.queue;

/** A queue setting the catalogue refuses: {@code field} names it, the message says why. */
public class InvalidQueueSettingsException extends RuntimeException {

    private final String field;

    public InvalidQueueSettingsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
