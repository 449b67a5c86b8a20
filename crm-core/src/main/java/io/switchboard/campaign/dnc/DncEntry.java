package io.switchboard.campaign.dnc;

import io.switchboard.campaign.CampaignId;
import java.time.Instant;

/**
 * One do-not-call entry.
 *
 * @param campaignId the campaign whose list it is on; {@code null} for the global list, which every campaign obeys
 * @param value an E.164 number or prefix ({@code +4930123456}, {@code +1900})
 */
public record DncEntry(long id, CampaignId campaignId, DncKind kind, String value, String reason, Instant addedAt) {

    public boolean global() {
        return campaignId == null;
    }

    public boolean matches(String e164) {
        return kind == DncKind.NUMBER ? value.equals(e164) : e164.startsWith(value);
    }

    /** Why a number is blocked, for an import report. */
    public String describe() {
        String list = global() ? "the global do-not-call list" : "the campaign's do-not-call list";
        return kind == DncKind.NUMBER ? "on " + list : "prefix " + value + " is on " + list;
    }
}
