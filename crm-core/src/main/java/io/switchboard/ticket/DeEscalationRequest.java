package io.switchboard.ticket;

import io.switchboard.directory.UserId;

/**
 * Sends a ticket back to a lower tier.
 *
 * @param tier a tier below the ticket's; {@code null} for the nearest active one below
 * @param assignee a member of that tier; {@code null} to follow the tier's rule (its queue, or its least-loaded member)
 * @param reason why (required): the history and the lower tier's people see it
 */
public record DeEscalationRequest(String tier, UserId assignee, String reason) {}
