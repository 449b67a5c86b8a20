package io.switchboard.campaign;

import static io.switchboard.campaign.CampaignStore.timestamp;
import static io.switchboard.jdbc.JdbcTime.instant;

import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.directory.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** A campaign's progress figures (for supervisors and the dialer's pacing) and its results as CSV. */
public class CampaignReports {

    static final String[] EXPORT_HEADER = {
        "lead_id",
        "number",
        "name",
        "timezone",
        "status",
        "attempts",
        "last_outcome",
        "last_disposition",
        "agent",
        "last_attempt_at",
        "next_attempt_at",
        "contact_id",
        "imported_at",
        "data"
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final Campaigns campaigns;
    private final ZoneId reportingZone;

    CampaignReports(NamedParameterJdbcTemplate jdbc, Campaigns campaigns, ZoneId reportingZone) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.reportingZone = reportingZone;
    }

    /** One lead of a campaign; no access check (the API checks the caller's right to the campaign first). */
    public java.util.Optional<LeadView> lead(CampaignId campaignId, LeadId leadId) {
        return jdbc
                .query(
                        "select id, campaign_id, e164, name, timezone, data, status, attempts, last_outcome"
                                + " from leads where id = :lead and campaign_id = :campaign",
                        new MapSqlParameterSource("lead", leadId.value()).addValue("campaign", campaignId.value()),
                        (rs, row) -> new LeadView(
                                new LeadId(rs.getLong("id")),
                                new CampaignId(rs.getLong("campaign_id")),
                                rs.getString("e164"),
                                rs.getString("name"),
                                rs.getString("timezone"),
                                LeadData.fromJson(rs.getString("data")),
                                LeadStatus.valueOf(rs.getString("status")),
                                rs.getInt("attempts"),
                                rs.getString("last_outcome")))
                .stream()
                .findFirst();
    }

    /** The campaign's figures at {@code now}; no access check (the dialer asks, the API checks first). */
    public CampaignProgress progress(CampaignId campaignId, Instant now) {
        Campaign campaign =
                campaigns.find(campaignId).orElseThrow(() -> CampaignNotFoundException.campaign(campaignId));
        Map<LeadStatus, Long> byStatus = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : LeadStatus.values()) {
            byStatus.put(status, 0L);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("campaign", campaignId.value());
        jdbc.query(
                "select status, count(*) as leads from leads where campaign_id = :campaign group by status",
                parameters,
                rs -> {
                    byStatus.put(LeadStatus.valueOf(rs.getString("status")), rs.getLong("leads"));
                });
        long leads = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long done = LeadStatus.FINISHED.stream().mapToLong(byStatus::get).sum();
        long inProgress = byStatus.get(LeadStatus.DIALING) + byStatus.get(LeadStatus.CONNECTED);

        Set<String> zones = campaign.settings().callWindow().openZones(now);
        long dialable = 0;
        if (!zones.isEmpty()) {
            timestamp(parameters, "now", now);
            parameters
                    .addValue("zones", zones)
                    .addValue("max", campaign.settings().maxAttempts());
            Long count = jdbc.queryForObject(
                    "select count(*) from leads where campaign_id = :campaign"
                            + " and status in ('NEW', 'RETRY', 'CALLBACK') and callback_agent_id is null"
                            + " and (attempts < :max or status = 'CALLBACK')"
                            + " and next_attempt_at <= :now and timezone in (:zones)",
                    parameters,
                    Long.class);
            dialable = count == null ? 0 : count;
        }

        Map<AttemptOutcome, Long> today = new EnumMap<>(AttemptOutcome.class);
        Instant midnight = LocalDate.ofInstant(now, reportingZone)
                .atStartOfDay(reportingZone)
                .toInstant();
        timestamp(parameters, "midnight", midnight);
        jdbc.query(
                "select outcome, count(*) as attempts from lead_attempts where campaign_id = :campaign"
                        + " and ended_at >= :midnight and outcome is not null group by outcome",
                parameters,
                rs -> {
                    today.put(AttemptOutcome.valueOf(rs.getString("outcome")), rs.getLong("attempts"));
                });
        long abandoned = today.getOrDefault(AttemptOutcome.ABANDONED, 0L);
        long answered = today.getOrDefault(AttemptOutcome.HUMAN_ANSWERED, 0L) + abandoned;
        double rate = answered == 0 ? 0 : (double) abandoned / answered;
        return new CampaignProgress(
                campaignId, now, leads, dialable, done, inProgress, byStatus, today, answered, abandoned, rate);
    }

    /**
     * Writes one CSV row per lead: number, status, attempts, last outcome and disposition, the last agent (username),
     * times and the list's data. Streams, so a large campaign needs no memory for it. Cells a spreadsheet would run
     * as formulas are neutralised ({@link SpreadsheetCsvWriter}).
     */
    public void exportResults(CampaignId campaignId, Writer out, Viewer viewer) {
        campaigns.get(campaignId, viewer);
        if (!CampaignAccess.oversees(viewer)) {
            throw new CampaignAccessDeniedException("only supervisors, campaign managers and admins export results");
        }
        try {
            SpreadsheetCsvWriter csv = SpreadsheetCsvWriter.to(out, EXPORT_HEADER);
            jdbc.query(
                    "select l.id, l.e164, l.name, l.timezone, l.status, l.attempts, l.last_outcome, l.last_disposition,"
                            + " u.username, l.last_attempt_at, l.next_attempt_at, l.contact_id, l.created_at, l.data"
                            + " from leads l left join users u on u.id = l.last_agent_id"
                            + " where l.campaign_id = :campaign order by l.id",
                    new MapSqlParameterSource("campaign", campaignId.value()),
                    rs -> {
                        try {
                            csv.row(
                                    rs.getLong("id"),
                                    rs.getString("e164"),
                                    rs.getString("name"),
                                    rs.getString("timezone"),
                                    rs.getString("status"),
                                    rs.getInt("attempts"),
                                    rs.getString("last_outcome"),
                                    rs.getString("last_disposition"),
                                    rs.getString("username"),
                                    instant(rs, "last_attempt_at"),
                                    LeadStatus.FINISHED.contains(LeadStatus.valueOf(rs.getString("status")))
                                            ? null
                                            : instant(rs, "next_attempt_at"),
                                    rs.getObject("contact_id"),
                                    instant(rs, "created_at"),
                                    rs.getString("data"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the campaign's results failed", e);
        }
    }
}
