package io.switchboard.ticket;

import io.switchboard.directory.UserId;
import java.time.Instant;

/**
 * One entry of a ticket's history: who changed what, when, and why.
 *
 * @param actor {@code null} when the system did it (the escalation scheduler)
 * @param actorName the actor's display name, {@code system} for the scheduler
 * @param from the value before, when the change has one (a status, a tier, an assignee's username)
 * @param to the value after
 * @param reason why, as given by the actor or written by the scheduler; may be {@code null}
 */
public record TicketChange(
        Instant at, UserId actor, String actorName, ChangeKind kind, String from, String to, String reason) {}
