package io.switchboard.contact;

/**
 * A CSV row that was not imported.
 *
 * @param row the row's number as a spreadsheet shows it: the header is row 1, the first contact row 2
 * @param reason what is wrong with it, e.g. {@code missing name}
 */
public record RejectedRow(long row, String reason) {}
