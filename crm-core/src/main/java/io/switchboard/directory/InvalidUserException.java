package io.switchboard.directory;

/** A user or team that cannot be stored as given; names the field at fault. */
public class InvalidUserException extends RuntimeException {

    private final String field;

    public InvalidUserException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
