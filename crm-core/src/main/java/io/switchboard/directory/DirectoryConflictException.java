package io.switchboard.directory;

/** A change that clashes with what is stored: a username or extension taken, a team that still has members. */
public class DirectoryConflictException extends RuntimeException {

    private final String field;

    public DirectoryConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
