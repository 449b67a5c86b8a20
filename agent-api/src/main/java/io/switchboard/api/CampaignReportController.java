package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.campaign.CampaignDailyReports;
import io.switchboard.campaign.CampaignDay;
import io.switchboard.campaign.CampaignId;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign reports per campaign and day, for supervisors, campaign managers and admins. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Call history and interval reports for supervisors and admins")
class CampaignReportController {

    /** The days {@code from} to {@code to} in the campaigns' reporting zone, a line per campaign and day. */
    record CampaignReport(LocalDate from, LocalDate to, List<CampaignDay> days) {}

    private final CampaignDailyReports reports;

    CampaignReportController(CampaignDailyReports reports) {
        this.reports = reports;
    }

    /**
     * The days {@code from} to {@code to} (both included, ISO dates, at most 366 days; today and {@code from} when
     * left out), for one {@code campaign} (its id) or every campaign with attempts in the range.
     */
    @GetMapping("/campaigns")
    CampaignReport report(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String campaign,
            @AuthenticationPrincipal SwitchboardUser me) {
        return read(from, to, campaign, me);
    }

    /** The same report as CSV: a line per campaign and day. */
    @GetMapping(path = "/campaigns.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String campaign,
            @AuthenticationPrincipal SwitchboardUser me,
            HttpServletResponse response)
            throws IOException {
        CampaignReport report = read(from, to, campaign, me);
        CampaignDailyReports.writeCsv(report.days(), ReportDays.csvDownload(response, "campaigns.csv"));
    }

    private CampaignReport read(String from, String to, String campaign, SwitchboardUser me) {
        ReportDays days = ReportDays.of(from, to, reports.today(), CampaignDailyReports.MAX_DAYS);
        CampaignId id = null;
        String text = ReportParameters.text(campaign);
        if (text != null) {
            try {
                id = new CampaignId(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw InvalidRequestException.of("campaign", "must be a campaign's id (a number)");
            }
        }
        return new CampaignReport(
                days.first(), days.last(), reports.report(days.first(), days.last(), id, me.viewer()));
    }
}
