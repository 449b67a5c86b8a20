package io.switchboard.contact;

/**
 * A CSV row that was not imported.
 *
 * @param row the line of the file the row starts on: the header is line 1, the first contact line 2 (a spreadsheet
 *     shows the same number, unless a cell above holds line breaks)
 * @param reason what is wrong with it, e.g. {@code missing name}
 */
public record RejectedRow(long row, String reason) {}
