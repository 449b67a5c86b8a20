package io.switchboard.campaign;

import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.directory.Viewer;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Campaign reports per campaign and day: attempts by outcome, contacts reached, the abandon rate against the
 * campaign's cap, dispositions, and per agent. For supervisors, campaign managers and admins (who see every
 * campaign). The CSV is written here so that other features (scheduled e-mails) can write it too.
 */
public class CampaignDailyReports {

    public static final int MAX_DAYS = 366;

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    CampaignDailyReports(NamedParameterJdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /**
     * @param campaign one campaign, or {@code null} for every campaign with attempts in the range
     * @throws CampaignAccessDeniedException for agents
     */
    public List<CampaignDay> report(LocalDate from, LocalDate to, CampaignId campaign, Viewer viewer) {
        if (!CampaignAccess.oversees(viewer)) {
            throw new CampaignAccessDeniedException(
                    "only supervisors, campaign managers and admins see campaign reports");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("the range must be 1 to " + MAX_DAYS + " days");
        }
        List<CampaignDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.addAll(day(day, campaign));
        }
        return days;
    }

    /** One query for the day's attempts grouped finely, one for the leads reached: both on the start-time index. */
    private List<CampaignDay> day(LocalDate day, CampaignId campaign) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("start", timestamp(start))
                .addValue("end", timestamp(end))
                .addValue("campaign", campaign == null ? null : campaign.value());
        String where = " where a.started_at >= :start and a.started_at < :end"
                + " and (cast(:campaign as bigint) is null or a.campaign_id = :campaign)";
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        jdbc.query(
                "select a.campaign_id, c.name, c.abandon_cap, a.outcome, a.disposition,"
                        + " coalesce(u.username, a.agent_extension) as agent, count(*) as attempts"
                        + " from lead_attempts a join campaigns c on c.id = a.campaign_id"
                        + " left join users u on u.id = a.agent_id" + where
                        + " group by a.campaign_id, c.name, c.abandon_cap, a.outcome, a.disposition,"
                        + " coalesce(u.username, a.agent_extension) order by a.campaign_id",
                parameters,
                rs -> {
                    String name = rs.getString("name");
                    double cap = rs.getDouble("abandon_cap");
                    Tally tally = tallies.computeIfAbsent(rs.getLong("campaign_id"), id -> new Tally(name, cap));
                    long count = rs.getLong("attempts");
                    String outcome = rs.getString("outcome");
                    String disposition = rs.getString("disposition");
                    String agent = rs.getString("agent");
                    tally.attempts += count;
                    if (outcome != null) {
                        tally.outcomes.merge(AttemptOutcome.valueOf(outcome), count, Long::sum);
                    }
                    if (disposition != null) {
                        tally.dispositions.merge(disposition, count, Long::sum);
                    }
                    if (agent != null && AttemptOutcome.HUMAN_ANSWERED.name().equals(outcome)) {
                        Tally.AgentTally byAgent = tally.agents.computeIfAbsent(agent, key -> new Tally.AgentTally());
                        byAgent.calls += count;
                        if (disposition != null) {
                            byAgent.dispositions.merge(disposition, count, Long::sum);
                        }
                    }
                });
        if (tallies.isEmpty()) {
            return List.of();
        }
        jdbc.query(
                "select a.campaign_id, count(distinct a.lead_id) as reached from lead_attempts a" + where
                        + " and a.outcome = 'HUMAN_ANSWERED' group by a.campaign_id",
                parameters,
                rs -> {
                    Tally tally = tallies.get(rs.getLong("campaign_id"));
                    if (tally != null) {
                        tally.reached = rs.getLong("reached");
                    }
                });
        List<CampaignDay> days = new ArrayList<>();
        tallies.forEach((id, tally) -> days.add(tally.day(day, new CampaignId(id))));
        return days;
    }

    private static final class Tally {
        final String name;
        final double cap;
        long attempts;
        long reached;
        final Map<AttemptOutcome, Long> outcomes = new EnumMap<>(AttemptOutcome.class);
        final Map<String, Long> dispositions = new TreeMap<>();
        final Map<String, AgentTally> agents = new TreeMap<>();

        static final class AgentTally {
            long calls;
            final Map<String, Long> dispositions = new TreeMap<>();
        }

        Tally(String name, double cap) {
            this.name = name;
            this.cap = cap;
        }

        CampaignDay day(LocalDate day, CampaignId id) {
            long abandoned = outcomes.getOrDefault(AttemptOutcome.ABANDONED, 0L);
            long answered = outcomes.getOrDefault(AttemptOutcome.HUMAN_ANSWERED, 0L) + abandoned;
            Double rate = answered == 0 ? null : (double) abandoned / answered;
            List<CampaignDay.Agent> byAgent = new ArrayList<>();
            agents.forEach(
                    (agent, tally) -> byAgent.add(new CampaignDay.Agent(agent, tally.calls, tally.dispositions)));
            return new CampaignDay(
                    day,
                    id,
                    name,
                    attempts,
                    outcomes,
                    reached,
                    rate,
                    cap,
                    rate != null && rate > cap,
                    dispositions,
                    byAgent);
        }
    }

    static final String[] CSV_HEADER = csvHeader();

    private static String[] csvHeader() {
        List<String> header = new ArrayList<>(List.of("day", "campaign_id", "campaign", "attempts"));
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            header.add(outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        header.addAll(List.of("contacts_reached", "abandon_rate", "abandon_cap", "over_cap", "dispositions", "agents"));
        return header.toArray(String[]::new);
    }

    /**
     * A line per campaign and day; an attempt count per outcome in its own column; dispositions ({@code SALE:3
     * NO_INTEREST:5}) and agents ({@code alice:12 bob:9}, calls taken) in one cell each.
     */
    public static void writeCsv(List<CampaignDay> days, Writer out) throws IOException {
        SpreadsheetCsvWriter csv = SpreadsheetCsvWriter.to(out, CSV_HEADER);
        for (CampaignDay day : days) {
            List<Object> cells =
                    new ArrayList<>(List.of(day.day().toString(), day.campaign().value(), day.name(), day.attempts()));
            for (AttemptOutcome outcome : AttemptOutcome.values()) {
                cells.add(day.attemptsByOutcome().getOrDefault(outcome, 0L));
            }
            cells.add(day.contactsReached());
            cells.add(day.abandonRate());
            cells.add(day.abandonCap());
            cells.add(day.overCap());
            cells.add(joined(day.dispositions()));
            cells.add(day.agents().stream()
                    .map(agent -> agent.agent() + ":" + agent.calls())
                    .collect(Collectors.joining(" ")));
            csv.row(cells.toArray());
        }
        csv.flush();
    }

    private static String joined(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
