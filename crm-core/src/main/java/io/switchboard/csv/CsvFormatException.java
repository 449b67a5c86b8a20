package io.switchboard.csv;

/** The file as a whole cannot be read as CSV: no header, or a header that is broken or names a column twice. */
public class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }
}
