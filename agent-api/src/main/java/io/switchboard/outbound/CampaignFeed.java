package io.switchboard.outbound;

import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.dialer.CampaignDialer;
import io.switchboard.desktop.Audience;
import io.switchboard.desktop.Desktops;
import io.switchboard.gateway.edge.EdgeMessage;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sends every running campaign's progress to the campaign managers', supervisors' and admins' pages once a second,
 * as a replaceable {@code campaignProgress} message: a slow page drops stale ones, never falls behind.
 *
 * <p>With several nodes only the one that dials (holds the dialer's lease) sends, to every node's pages: its progress
 * carries the dialer's live view, which the others do not have. A node without a dialer sends to its own pages.
 */
final class CampaignFeed implements AutoCloseable {

    static final String CAMPAIGN_PROGRESS = "campaignProgress";
    private static final Logger log = LoggerFactory.getLogger(CampaignFeed.class);
    private static final Set<String> WATCHERS = Set.of("CAMPAIGN_MANAGER", "SUPERVISOR", "ADMIN");

    private final Campaigns campaigns;
    private final CampaignBoard board;
    private final Desktops desktops;
    private final ObjectProvider<CampaignDialer> dialer;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread feed = new Thread(task, "campaign-feed");
        feed.setDaemon(true);
        return feed;
    });

    CampaignFeed(
            Campaigns campaigns,
            CampaignBoard board,
            Desktops desktops,
            ObjectProvider<CampaignDialer> dialer,
            long everyMillis) {
        this.campaigns = campaigns;
        this.board = board;
        this.desktops = desktops;
        this.dialer = dialer;
        thread.scheduleWithFixedDelay(this::send, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private void send() {
        try {
            CampaignDialer live = dialer.getIfAvailable();
            if (live != null && !live.dialing()) {
                return;
            }
            Desktops to = live == null ? desktops.thisNodeOnly() : desktops;
            if (!to.anyoneListening()) {
                return;
            }
            for (Campaign campaign : campaigns.running()) {
                to.publish(
                        Audience.roles(WATCHERS),
                        EdgeMessage.replaceable(CAMPAIGN_PROGRESS, campaign.id().toString(), board.progress(campaign)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not send campaign progress: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
