package io.switchboard.campaign;

import io.switchboard.contact.ContactId;
import java.util.Map;

/**
 * A lead claimed for one dial: the dialer (or the previewing agent) calls {@code number} and reports the attempt's
 * end with {@code attemptId}.
 *
 * @param number the number to dial, E.164
 * @param contactId the contact owning the number, {@code null} when none: the call lands in that contact's history
 * @param data the list's extra columns
 * @param callback the lead was due as a callback the customer agreed to
 */
public record DialableLead(
        LeadId leadId,
        AttemptId attemptId,
        CampaignId campaignId,
        String number,
        ContactId contactId,
        Map<String, String> data,
        String name,
        String timezone,
        boolean callback) {

    public DialableLead {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
