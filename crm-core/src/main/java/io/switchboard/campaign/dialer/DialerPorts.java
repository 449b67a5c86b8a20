package io.switchboard.campaign.dialer;

import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.lease.Lease;
import java.util.function.Supplier;

/**
 * What the dialer works with: the campaigns to dial, their leads and the attempts open on every node, the day's
 * counts so far, the lease that picks the dialling node, and the PBXes with their trunks (asked for on each dial,
 * since they may connect later or not at all).
 */
public record DialerPorts(
        Campaigns campaigns,
        LeadQueue leads,
        OpenAttempts open,
        CampaignReports reports,
        Lease lease,
        Supplier<Pbxes> pbxes) {}
