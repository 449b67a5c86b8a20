package io.switchboard.csv;

/**
 * A record that could not be read as CSV (a quote that never closes, text after a closing quote, bytes that are not
 * in the file's encoding). Reading goes on with the next line.
 *
 * @param text the line as it is in the file (the first 4,000 characters)
 */
public record CsvRejection(long line, String reason, String text) implements CsvEntry {}
