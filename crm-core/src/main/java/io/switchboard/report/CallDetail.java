package io.switchboard.report;

import io.switchboard.activity.Activity;
import java.util.List;

/** A call with everything the history's detail shows: its path, times, disposition, notes, contact and tickets. */
public record CallDetail(Activity call, List<LinkedTicket> tickets) {}
