package io.switchboard.contact;

import io.switchboard.contact.external.ExternalContact;
import io.switchboard.contact.external.ExternalLookup;
import io.switchboard.contact.external.ExternalStatus;
import io.switchboard.contact.external.UnavailableReason;
import java.util.List;

/**
 * What the external CRM knows about the caller, merged with the local contacts: a record with the same number or
 * email as a matched local contact is attached to that contact rather than shown a second time.
 *
 * @param status whether the external CRM was asked and what it answered; {@link ExternalStatus#UNAVAILABLE}
 *     tells the agent that it did not answer
 * @param reason why it is unavailable; {@code null} otherwise
 * @param attached records that are a matched local contact's, each with that contact's id
 * @param externalOnly records no matched local contact shares a number or email with
 */
public record ExternalRecords(
        ExternalStatus status,
        UnavailableReason reason,
        List<AttachedRecord> attached,
        List<ExternalContact> externalOnly) {

    /** What pops show while no external CRM is configured. */
    public static final ExternalRecords NOT_CONFIGURED = of(ExternalLookup.NOT_CONFIGURED);

    public ExternalRecords {
        attached = List.copyOf(attached);
        externalOnly = List.copyOf(externalOnly);
    }

    /** An external record that is the same person as the local contact {@code contact}. */
    public record AttachedRecord(ContactId contact, ExternalContact record) {}

    /** An outcome that had nothing to merge: its records, if any, are all external-only. */
    static ExternalRecords of(ExternalLookup lookup) {
        return new ExternalRecords(lookup.status(), lookup.reason(), List.of(), lookup.contacts());
    }
}
