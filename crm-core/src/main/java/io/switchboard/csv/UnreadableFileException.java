package io.switchboard.csv;

/** The upload is not a text file this server can read (binary data, or an encoding it cannot tell). */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }
}
