package io.switchboard.activity;

import io.switchboard.contact.ContactId;

/**
 * How an agent closes a call.
 *
 * @param code one of {@code switchboard.activities.disposition-codes}
 * @param notes free text, at most 4,000 characters; {@code null} keeps none
 * @param contact the customer the call was with, when the pop offered several or none; {@code null} keeps the
 *     contact the activity has
 * @param expectedVersion the activity's version the agent edited, to refuse overwriting someone else's change;
 *     {@code null} to overwrite
 */
public record Disposition(String code, String notes, ContactId contact, Long expectedVersion) {

    public static Disposition of(String code, String notes) {
        return new Disposition(code, notes, null, null);
    }
}
