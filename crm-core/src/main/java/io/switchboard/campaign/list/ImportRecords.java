package io.switchboard.campaign.list;

import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.campaign.CampaignId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The lead_imports rows (progress and outcome) and their rejected rows. */
final class ImportRecords {

    private static final String SELECT = "select id, campaign_id, file_name, status, rows_read, imported, merged,"
            + " rejected, error, started_at, finished_at, encoding from lead_imports";

    /** A rejected row keeps this much of its text: enough to find and fix it, not a copy of a runaway line. */
    private static final int MAX_REJECTED_CHARS = 4000;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> CELLS = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;

    ImportRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long start(long campaignId, String fileName, Long startedBy, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("campaign", campaignId)
                .addValue("file", fileName == null ? null : truncate(fileName, 300), Types.VARCHAR)
                .addValue("by", startedBy, Types.BIGINT)
                .addValue("now", timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into lead_imports (campaign_id, file_name, status, rows_read, imported, merged, rejected,"
                        + " started_by, started_at) values (:campaign, :file, 'RUNNING', 0, 0, 0, 0, :by, :now)",
                parameters,
                key,
                new String[] {"id"});
        return key.getKeyAs(Long.class);
    }

    /** Adds a batch's counts to the import's progress. */
    void progress(long id, long read, long imported, long merged, long rejected) {
        jdbc.update(
                "update lead_imports set rows_read = rows_read + :read, imported = imported + :imported,"
                        + " merged = merged + :merged, rejected = rejected + :rejected where id = :id",
                new MapSqlParameterSource("id", id)
                        .addValue("read", read)
                        .addValue("imported", imported)
                        .addValue("merged", merged)
                        .addValue("rejected", rejected));
    }

    void rejections(long id, List<RejectedLead> rejected) {
        jdbc.batchUpdate(
                "insert into lead_import_rejections (import_id, csv_row, cells, reason)"
                        + " values (:id, :row, :cells, :reason)",
                rejected.stream()
                        .map(r -> new MapSqlParameterSource("id", id)
                                .addValue("row", r.row())
                                .addValue("cells", JSON.writeValueAsString(fitted(r.cells())))
                                .addValue("reason", truncate(r.reason(), 300)))
                        .toArray(MapSqlParameterSource[]::new));
    }

    boolean campaignHasLeads(long campaignId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from leads where campaign_id = :campaign)",
                Map.of("campaign", campaignId),
                Boolean.class));
    }

    /**
     * After a large import, has PostgreSQL count the leads again, so that the dialer's queries are planned for the
     * table as it now is rather than as autovacuum last saw it.
     */
    void refreshStatistics(long inserted) {
        if (inserted < 10_000) {
            return;
        }
        String product = jdbc.getJdbcTemplate().execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            jdbc.getJdbcTemplate().execute("analyze leads");
        }
    }

    void encoding(long id, String encoding) {
        jdbc.update(
                "update lead_imports set encoding = :encoding where id = :id",
                new MapSqlParameterSource("id", id).addValue("encoding", truncate(encoding, 60)));
    }

    void finish(long id, LeadImportStatus status, String error, Instant now) {
        jdbc.update(
                "update lead_imports set status = :status, error = :error, finished_at = :now where id = :id",
                new MapSqlParameterSource("id", id)
                        .addValue("status", status.name())
                        .addValue("error", error == null ? null : truncate(error, 2000), Types.VARCHAR)
                        .addValue("now", timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE));
    }

    Optional<LeadImport> find(long id) {
        return jdbc.query(SELECT + " where id = :id", Map.of("id", id), ImportRecords::leadImport).stream()
                .findFirst();
    }

    List<LeadImport> ofCampaign(long campaignId) {
        return jdbc.query(
                SELECT + " where campaign_id = :campaign order by started_at desc, id desc",
                Map.of("campaign", campaignId),
                ImportRecords::leadImport);
    }

    List<RejectedLead> rejected(long id, int offset, int limit) {
        return jdbc.query(
                "select csv_row, cells, reason from lead_import_rejections where import_id = :id"
                        + " order by csv_row limit :limit offset :offset",
                new MapSqlParameterSource("id", id).addValue("limit", limit).addValue("offset", offset),
                (rs, row) -> new RejectedLead(
                        rs.getLong("csv_row"), JSON.readValue(rs.getString("cells"), CELLS), rs.getString("reason")));
    }

    private static LeadImport leadImport(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new LeadImport(
                rs.getLong("id"),
                new CampaignId(rs.getLong("campaign_id")),
                rs.getString("file_name"),
                LeadImportStatus.valueOf(rs.getString("status")),
                rs.getLong("rows_read"),
                rs.getLong("imported"),
                rs.getLong("merged"),
                rs.getLong("rejected"),
                rs.getString("error"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("encoding"));
    }

    /** The cells, cut to {@link #MAX_REJECTED_CHARS} characters in all. */
    private static List<String> fitted(List<String> cells) {
        List<String> fitted = new ArrayList<>();
        int left = MAX_REJECTED_CHARS;
        for (String cell : cells) {
            if (left <= 0) {
                break;
            }
            fitted.add(truncate(cell, left));
            left -= cell.length();
        }
        return fitted;
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
