package io.switchboard.report;

import java.util.List;

/**
 * One page of the call history. It says whether a next page exists rather than how many calls match in all:
 * counting a year of a busy centre for every page would cost more than the page itself.
 */
public record CallHistoryPage(List<CallRow> items, int page, int size, boolean hasNext) {}
