package io.switchboard.campaign;

import static io.switchboard.jdbc.JdbcTime.instant;

import io.switchboard.directory.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Campaign rows with their agents and dispositions. */
class CampaignStore {

    private static final String SELECT =
            "select id, name, status, dial_mode, queue, caller_id, weekly_hours, closed_days,"
                    + " max_attempts, retry_delay_seconds, lead_order, abandon_cap, created_at, updated_at, started_at, finished_at"
                    + " from campaigns";

    private final NamedParameterJdbcTemplate jdbc;

    CampaignStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CampaignSettings settings, UserId createdBy, Instant now) {
        MapSqlParameterSource parameters = settingsParameters(settings)
                .addValue("status", CampaignStatus.DRAFT.name())
                .addValue("createdBy", createdBy == null ? null : createdBy.value(), Types.BIGINT);
        timestamp(parameters, "now", now);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into campaigns (name, status, dial_mode, queue, caller_id, weekly_hours, closed_days, max_attempts,"
                        + " retry_delay_seconds, lead_order, abandon_cap, created_by, created_at, updated_at)"
                        + " values (:name, :status, :dialMode, :queue, :callerId, :callHours, :holidays, :maxAttempts,"
                        + " :retryDelays, :leadOrder, :abandonCap, :createdBy, :now, :now)",
                parameters,
                key,
                new String[] {"id"});
        long id = key.getKeyAs(Long.class);
        writeChildren(id, settings);
        return id;
    }

    void update(long id, CampaignSettings settings, Instant now) {
        MapSqlParameterSource parameters = settingsParameters(settings).addValue("id", id);
        timestamp(parameters, "now", now);
        jdbc.update(
                "update campaigns set name = :name, dial_mode = :dialMode, queue = :queue, caller_id = :callerId,"
                        + " weekly_hours = :callHours, closed_days = :holidays, max_attempts = :maxAttempts,"
                        + " retry_delay_seconds = :retryDelays, lead_order = :leadOrder, abandon_cap = :abandonCap,"
                        + " updated_at = :now where id = :id",
                parameters);
        jdbc.update("delete from campaign_agents where campaign_id = :id", Map.of("id", id));
        jdbc.update("delete from campaign_dispositions where campaign_id = :id", Map.of("id", id));
        writeChildren(id, settings);
    }

    /** Moves the campaign from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean changeStatus(long id, CampaignStatus from, CampaignStatus to, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", id)
                .addValue("from", from.name())
                .addValue("to", to.name());
        timestamp(parameters, "now", now);
        String stamps = switch (to) {
            case RUNNING -> ", started_at = coalesce(started_at, :now)";
            case FINISHED -> ", finished_at = :now";
            default -> "";
        };
        return jdbc.update(
                        "update campaigns set status = :to, updated_at = :now" + stamps
                                + " where id = :id and status = :from",
                        parameters)
                == 1;
    }

    Optional<Campaign> find(long id) {
        return load(SELECT + " where id = :id", new MapSqlParameterSource("id", id)).stream()
                .findFirst();
    }

    List<Campaign> all() {
        return load(SELECT + " order by id", new MapSqlParameterSource());
    }

    List<Campaign> withStatus(CampaignStatus status) {
        return load(SELECT + " where status = :status order by id", new MapSqlParameterSource("status", status.name()));
    }

    List<Campaign> assignedTo(UserId user) {
        return load(
                SELECT + " where id in (select campaign_id from campaign_agents where user_id = :user) order by id",
                new MapSqlParameterSource("user", user.value()));
    }

    boolean isAssigned(long campaignId, UserId user) {
        Integer count = jdbc.queryForObject(
                "select count(*) from campaign_agents where campaign_id = :id and user_id = :user",
                Map.of("id", campaignId, "user", user.value()),
                Integer.class);
        return count != null && count > 0;
    }

    private List<Campaign> load(String sql, MapSqlParameterSource parameters) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query(sql, parameters, rs -> {
            rows.put(rs.getLong("id"), new Row(rs));
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Object> ids = Map.of("ids", rows.keySet());
        Map<Long, Set<UserId>> agents = new HashMap<>();
        jdbc.query("select campaign_id, user_id from campaign_agents where campaign_id in (:ids)", ids, rs -> {
            agents.computeIfAbsent(rs.getLong("campaign_id"), c -> new HashSet<>())
                    .add(new UserId(rs.getLong("user_id")));
        });
        Map<Long, List<CampaignDisposition>> dispositions = new HashMap<>();
        Map<Long, List<InvalidSetting>> invalid = new HashMap<>();
        jdbc.query(
                "select campaign_id, code, label, action, retry_seconds from campaign_dispositions"
                        + " where campaign_id in (:ids) order by campaign_id, sort_order",
                ids,
                rs -> {
                    long seconds = rs.getLong("retry_seconds");
                    Duration delay = rs.wasNull() ? null : Duration.ofSeconds(seconds);
                    long campaign = rs.getLong("campaign_id");
                    try {
                        dispositions
                                .computeIfAbsent(campaign, c -> new ArrayList<>())
                                .add(new CampaignDisposition(
                                        rs.getString("code"),
                                        rs.getString("label"),
                                        DispositionAction.valueOf(rs.getString("action")),
                                        delay));
                    } catch (IllegalArgumentException | InvalidCampaignException e) {
                        // InvalidCampaignException too: the campaign is listed with this disposition flagged
                        invalid.computeIfAbsent(campaign, c -> new ArrayList<>())
                                .add(new InvalidSetting(
                                        "dispositions",
                                        "disposition " + rs.getString("code") + ": "
                                                + (e instanceof InvalidCampaignException
                                                        ? e.getMessage()
                                                        : "unknown action " + rs.getString("action"))));
                    }
                });
        List<Campaign> campaigns = new ArrayList<>();
        for (Row row : rows.values()) {
            campaigns.add(row.toCampaign(
                    agents.getOrDefault(row.id, Set.of()),
                    dispositions.getOrDefault(row.id, List.of()),
                    invalid.getOrDefault(row.id, List.of())));
        }
        return campaigns;
    }

    private void writeChildren(long id, CampaignSettings settings) {
        jdbc.batchUpdate(
                "insert into campaign_agents (campaign_id, user_id) values (:id, :user)",
                settings.agents().stream()
                        .map(user -> new MapSqlParameterSource("id", id).addValue("user", user.value()))
                        .toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> dispositions = new ArrayList<>();
        for (CampaignDisposition d : settings.dispositions()) {
            dispositions.add(new MapSqlParameterSource("id", id)
                    .addValue("code", d.code())
                    .addValue("label", d.label())
                    .addValue("action", d.action().name())
                    .addValue(
                            "retry",
                            d.retryDelay() == null ? null : d.retryDelay().toSeconds(),
                            Types.BIGINT)
                    .addValue("position", dispositions.size()));
        }
        jdbc.batchUpdate(
                "insert into campaign_dispositions (campaign_id, code, label, action, retry_seconds, sort_order)"
                        + " values (:id, :code, :label, :action, :retry, :position)",
                dispositions.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource settingsParameters(CampaignSettings s) {
        return new MapSqlParameterSource()
                .addValue("name", s.name())
                .addValue("dialMode", s.dialMode().name())
                .addValue("queue", s.queue(), Types.VARCHAR)
                .addValue("callerId", s.callerId(), Types.VARCHAR)
                .addValue("callHours", SettingsColumns.strings(s.callWindow().hours()))
                .addValue("holidays", SettingsColumns.strings(s.callWindow().holidays()))
                .addValue("maxAttempts", s.maxAttempts())
                .addValue("retryDelays", SettingsColumns.delays(s.retryDelays()))
                .addValue("leadOrder", s.leadOrder().name())
                .addValue("abandonCap", s.abandonCap());
    }

    static MapSqlParameterSource timestamp(MapSqlParameterSource parameters, String name, Instant value) {
        return parameters.addValue(
                name,
                value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** One campaigns row, before its agents and dispositions are known. */
    private static final class Row {
        final long id;
        final CampaignStatus status;
        final StoredSettings.Columns columns;
        final Instant createdAt;
        final Instant updatedAt;
        final Instant startedAt;
        final Instant finishedAt;

        Row(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            status = CampaignStatus.valueOf(rs.getString("status"));
            columns = new StoredSettings.Columns(
                    id,
                    rs.getString("name"),
                    rs.getString("dial_mode"),
                    rs.getString("queue"),
                    rs.getString("caller_id"),
                    rs.getString("weekly_hours"),
                    rs.getString("closed_days"),
                    rs.getInt("max_attempts"),
                    rs.getString("retry_delay_seconds"),
                    rs.getString("lead_order"),
                    rs.getDouble("abandon_cap"));
            createdAt = instant(rs, "created_at");
            updatedAt = instant(rs, "updated_at");
            startedAt = instant(rs, "started_at");
            finishedAt = instant(rs, "finished_at");
        }

        Campaign toCampaign(
                Set<UserId> agents, List<CampaignDisposition> dispositions, List<InvalidSetting> invalidDispositions) {
            StoredSettings.Read read = StoredSettings.read(columns, agents, dispositions, invalidDispositions);
            return new Campaign(
                    new CampaignId(id),
                    status,
                    read.settings(),
                    createdAt,
                    updatedAt,
                    startedAt,
                    finishedAt,
                    read.invalid());
        }
    }
}
