package io.switchboard.campaign;

import io.switchboard.directory.UserId;
import java.util.Collection;
import java.util.Set;

/**
 * The do-not-call lists as the lead queue needs them. The {@code campaign.dnc} package implements it, so this
 * package depends on nothing there and the two packages form no cycle.
 */
public interface DoNotCallLists {

    /** The numbers (E.164) among {@code e164s} that the global list or the campaign's own list blocks. */
    Set<String> blockedNumbers(CampaignId campaignId, Collection<String> e164s);

    /** An agent's do-not-call disposition puts the number (E.164) on the campaign's list. */
    void blockFromDisposition(CampaignId campaignId, String e164, String reason, UserId agent);
}
