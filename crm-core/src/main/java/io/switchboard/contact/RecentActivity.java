package io.switchboard.contact;

import java.time.Instant;

/**
 * One past interaction with a contact, as a screen pop lists it.
 *
 * @param kind what happened, e.g. {@code INBOUND_CALL}, {@code MISSED_CALL}, {@code NOTE}
 * @param summary one line for the pop: disposition, outcome or the start of a note
 * @param agent who handled it; {@code null} when nobody did
 */
public record RecentActivity(ContactId contact, Instant at, String kind, String summary, String agent) {}
