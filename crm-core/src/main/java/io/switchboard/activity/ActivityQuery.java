package io.switchboard.activity;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import java.time.Instant;

/**
 * Which activities a history page lists; every criterion is optional and they combine with "and".
 *
 * @param from calls that started at or after this instant
 * @param to calls that started before this instant
 */
public record ActivityQuery(ContactId contact, UserId agent, String queue, Instant from, Instant to) {

    public ActivityQuery {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static ActivityQuery all() {
        return new ActivityQuery(null, null, null, null, null);
    }

    public static ActivityQuery ofContact(ContactId contact) {
        return new ActivityQuery(contact, null, null, null, null);
    }

    public static ActivityQuery ofAgent(UserId agent) {
        return new ActivityQuery(null, agent, null, null, null);
    }

    public static ActivityQuery ofQueue(String queue) {
        return new ActivityQuery(null, null, queue, null, null);
    }

    public ActivityQuery between(Instant from, Instant to) {
        return new ActivityQuery(contact, agent, queue, from, to);
    }
}
