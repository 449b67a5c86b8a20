package io.switchboard.campaign.dialer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignProgress;
import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.pacing.PacingDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every campaign's pacing memory on this node ({@link CampaignPace}, dialer thread only) and the views its last
 * rounds published (read by any thread), with the per-campaign gauges that read those views.
 */
final class CampaignPaces {

    private final CampaignReports reports;
    private final ZoneId zone;
    private final MeterRegistry registry;
    private final Map<CampaignId, CampaignPace> paces = new HashMap<>();
    private final Map<CampaignId, DialerView> views = new ConcurrentHashMap<>();

    CampaignPaces(CampaignReports reports, ZoneId zone, MeterRegistry registry) {
        this.reports = reports;
        this.zone = zone;
        this.registry = registry;
    }

    /** The campaign's pace for the day of {@code now}, started from the attempts stored so far if this node has none. */
    CampaignPace today(CampaignId campaignId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        CampaignPace pace = paces.get(campaignId);
        if (pace == null) {
            // After a restart or a takeover the day's counts come from the attempts already stored.
            CampaignProgress progress = reports.progress(campaignId, now);
            pace = new CampaignPace(today, progress.answeredToday(), progress.abandonedToday());
            paces.put(campaignId, pace);
            registerGauges(campaignId);
        }
        pace.rollOver(today);
        return pace;
    }

    /** The pace of a campaign this node has dialled for; empty for one it has not (a preview dial, say). */
    Optional<CampaignPace> of(CampaignId campaignId) {
        return Optional.ofNullable(paces.get(campaignId));
    }

    void show(DialerView view) {
        views.put(view.campaignId(), view);
    }

    Optional<DialerView> view(CampaignId campaignId) {
        return Optional.ofNullable(views.get(campaignId));
    }

    /** A node that does not dial shows nothing. */
    void hideAll() {
        views.clear();
    }

    private void registerGauges(CampaignId campaignId) {
        String campaign = campaignId.toString();
        Gauge.builder(
                        "switchboard.campaign.dial.ratio",
                        () -> view(campaignId)
                                .map(DialerView::decision)
                                .map(PacingDecision::dialRatio)
                                .orElse(0.0))
                .description("Calls placed per free agent in the last pacing round")
                .tag("campaign", campaign)
                .register(registry);
        Gauge.builder(
                        "switchboard.campaign.abandon.rate",
                        () -> view(campaignId).map(DialerView::abandonRateToday).orElse(0.0))
                .description("Abandoned over answered calls today")
                .tag("campaign", campaign)
                .register(registry);
        Gauge.builder(
                        "switchboard.campaign.calls.in.progress",
                        () -> view(campaignId).map(DialerView::callsInProgress).orElse(0))
                .tag("campaign", campaign)
                .register(registry);
    }
}
