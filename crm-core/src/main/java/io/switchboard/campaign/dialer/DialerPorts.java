package io.switchboard.campaign.dialer;

import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.lease.Lease;
import java.util.function.Supplier;

/**
 * What the dialer works with: the campaigns to dial, their leads, the day's counts so far, the lease that picks the
 * dialling node, and the PBX (asked for on each dial, since it may connect later or not at all).
 */
public record DialerPorts(
        Campaigns campaigns, LeadQueue leads, CampaignReports reports, Lease lease, Supplier<PbxCommands> pbx) {}
