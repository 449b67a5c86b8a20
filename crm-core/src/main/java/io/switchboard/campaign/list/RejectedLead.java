package io.switchboard.campaign.list;

/**
 * A list row that was not imported.
 *
 * @param row the row's number as a spreadsheet shows it: the header is row 1, the first lead row 2
 * @param rawValues the row's cells as read, joined by the list's delimiter
 * @param reason what is wrong with it ({@code not a valid phone number}, {@code on the global do-not-call list})
 */
public record RejectedLead(long row, String rawValues, String reason) {}
