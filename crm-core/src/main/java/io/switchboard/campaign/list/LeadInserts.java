package io.switchboard.campaign.list;

import io.switchboard.contact.BulkInsert;
import io.switchboard.contact.BulkInsert.Table;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends new leads: PostgreSQL's {@code COPY ... FROM STDIN} where the database is PostgreSQL (no statement per row),
 * a JDBC batch elsewhere (H2). Values are {@link Long}, {@link Integer}, {@link String},
 * {@link java.time.OffsetDateTime} or {@code null}, in the order of {@link #COLUMNS}.
 */
final class LeadInserts {

    static final List<String> COLUMNS = List.of(
            "campaign_id",
            "import_id",
            "e164",
            "name",
            "timezone",
            "contact_id",
            "data",
            "status",
            "priority",
            "attempts",
            "next_attempt_at",
            "created_at",
            "updated_at");

    private static final Table LEADS = new Table(
            "leads",
            COLUMNS,
            List.of(
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.INTEGER,
                    Types.TIMESTAMP_WITH_TIMEZONE,
                    Types.TIMESTAMP_WITH_TIMEZONE,
                    Types.TIMESTAMP_WITH_TIMEZONE));

    private final BulkInsert bulk;

    LeadInserts(JdbcTemplate jdbc, boolean copyWherePossible) {
        this.bulk = BulkInsert.forDatabase(jdbc, copyWherePossible);
    }

    void insert(List<Object[]> rows) {
        bulk.insert(LEADS, rows);
    }
}
