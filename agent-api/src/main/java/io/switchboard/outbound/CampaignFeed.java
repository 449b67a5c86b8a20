package io.switchboard.outbound;

import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.Campaigns;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.gateway.edge.EdgeMessage;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every running campaign's progress to the campaign managers', supervisors' and admins' pages once a second,
 * as a replaceable {@code campaignProgress} message: a slow page drops stale ones, never falls behind.
 */
final class CampaignFeed implements AutoCloseable {

    static final String CAMPAIGN_PROGRESS = "campaignProgress";
    private static final Logger log = LoggerFactory.getLogger(CampaignFeed.class);
    private static final Set<String> WATCHERS = Set.of("CAMPAIGN_MANAGER", "SUPERVISOR", "ADMIN");

    private final Campaigns campaigns;
    private final CampaignBoard board;
    private final CtiEdge edge;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread feed = new Thread(task, "campaign-feed");
        feed.setDaemon(true);
        return feed;
    });

    CampaignFeed(Campaigns campaigns, CampaignBoard board, CtiEdge edge, long everyMillis) {
        this.campaigns = campaigns;
        this.board = board;
        this.edge = edge;
        thread.scheduleWithFixedDelay(this::send, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private void send() {
        try {
            if (edge.sessionCount() == 0) {
                return;
            }
            for (Campaign campaign : campaigns.running()) {
                edge.publish(
                        WATCHERS,
                        page -> true,
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
