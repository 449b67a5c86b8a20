package io.switchboard.contact;

/** The CSV file as a whole cannot be imported: a mapped column is missing, or the file is not valid CSV. */
public class ImportFormatException extends RuntimeException {

    public ImportFormatException(String message) {
        super(message);
    }

    public ImportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
