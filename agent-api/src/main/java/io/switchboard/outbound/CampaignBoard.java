package io.switchboard.outbound;

import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignProgress;
import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.dialer.CampaignDialer;
import io.switchboard.campaign.dialer.DialerView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;

/** Puts a campaign's stored figures and the dialer's live view together. */
public final class CampaignBoard {

    private final CampaignReports reports;
    private final ObjectProvider<CampaignDialer> dialer;
    private final Clock clock;
    private final ZoneId zone;

    CampaignBoard(CampaignReports reports, ObjectProvider<CampaignDialer> dialer, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.dialer = dialer;
        this.clock = clock;
        this.zone = zone;
    }

    /** The campaign's progress now; the caller has checked the viewer may see the campaign. */
    public CampaignProgressView progress(Campaign campaign) {
        Instant now = clock.instant();
        CampaignProgress progress = reports.progress(campaign.id(), now);
        CampaignDialer live = dialer.getIfAvailable();
        DialerView view = live == null || !campaign.running()
                ? null
                : live.view(campaign.id()).orElse(null);
        return new CampaignProgressView(
                campaign.id(),
                campaign.name(),
                campaign.status(),
                campaign.settings().abandonCap(),
                now,
                new CampaignProgressView.Leads(
                        progress.leads(),
                        progress.dialableNow(),
                        progress.done(),
                        progress.inProgress(),
                        progress.leadsByStatus()),
                new CampaignProgressView.Today(
                        progress.attemptsToday(),
                        progress.answeredToday(),
                        progress.abandonedToday(),
                        progress.answeredToday() == 0 ? null : progress.abandonRateToday()),
                view,
                completionEstimate(campaign, progress, now));
    }

    /**
     * At today's pace: attempts ended per hour since the campaign (or the day) started, one for each lead left.
     * Rough on purpose and on the early side: some leads need several attempts, and call windows close at night.
     */
    private Instant completionEstimate(Campaign campaign, CampaignProgress progress, Instant now) {
        long left = progress.leads() - progress.done();
        if (left <= 0 || !campaign.running() || campaign.startedAt() == null) {
            return null;
        }
        Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant from = campaign.startedAt().isAfter(dayStart) ? campaign.startedAt() : dayStart;
        long finishedToday = progress.attemptsToday().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        double hours = Duration.between(from, now).toSeconds() / 3600.0;
        if (finishedToday == 0 || hours <= 0) {
            return null;
        }
        double perHour = finishedToday / hours;
        if (perHour <= 0) {
            return null;
        }
        return now.plusSeconds((long) (left / perHour * 3600));
    }
}
