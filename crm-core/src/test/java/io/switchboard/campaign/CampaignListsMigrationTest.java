package io.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.SharedPostgres;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration that turns delimited lists into JSON keeps what existing rows meant, on PostgreSQL and on the demo's
 * H2: each database is migrated to the version before it, given rows in the old shape, then migrated to the end.
 */
@PostgresTest
class CampaignListsMigrationTest {

    @Autowired
    JdbcTemplate postgres;

    @Test
    void existingCampaignsAndRejectedRowsKeepTheirListsOnPostgres() {
        String database = "lists_" + UUID.randomUUID().toString().replace("-", "");
        postgres.execute("create database " + database);
        try {
            migrateOldRows(SharedPostgres.get().getDatabase("postgres", database));
        } finally {
            postgres.execute("drop database " + database + " with (force)");
        }
    }

    @Test
    void existingCampaignsAndRejectedRowsKeepTheirListsOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:./target/h2-lists/" + UUID.randomUUID()
                + "/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        migrateOldRows(h2);
    }

    private static void migrateOldRows(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).target("17.5").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        jdbc.update(
                "insert into campaigns (id, name, status, dial_mode, call_hours, holidays, max_attempts, retry_delays,"
                        + " lead_order, abandon_cap, created_at, updated_at)"
                        + " values (7, 'Old', 'DRAFT', 'PROGRESSIVE', ?, ?, 3, ?, 'DUE_FIRST', 0.03, ?, ?)",
                "MON-FRI 09:00-12:00,13:00-17:00;SAT 10:00-14:00",
                "2026-12-24,12-25",
                "BUSY=600,NO_ANSWER=7200",
                now,
                now);
        jdbc.update(
                "insert into lead_imports (id, campaign_id, status, rows_read, imported, merged, rejected, started_at)"
                        + " values (8, 7, 'DONE', 3, 0, 0, 3, ?)",
                now);
        jdbc.update("insert into lead_import_rejections (import_id, csv_row, raw_values, reason) values"
                + " (8, 2, '12345,Bad,Number,,', 'bad'), (8, 3, '12345;Doe, Jane;x', 'bad'),"
                + " (8, 4, '', 'empty')");

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(jdbc.queryForMap(
                        "select weekly_hours, closed_days, retry_delay_seconds from campaigns where id = 7"))
                .containsEntry("weekly_hours", "[\"MON-FRI 09:00-12:00,13:00-17:00\",\"SAT 10:00-14:00\"]")
                .containsEntry("closed_days", "[\"2026-12-24\",\"12-25\"]")
                .containsEntry("retry_delay_seconds", "{\"BUSY\":600,\"NO_ANSWER\":7200}");
        assertThat(jdbc.queryForList(
                        "select cells from lead_import_rejections where import_id = 8 order by csv_row", String.class))
                .containsExactly(
                        "[\"12345\",\"Bad\",\"Number\",\"\",\"\"]", "[\"12345\",\"Doe, Jane\",\"x\"]", "[\"\"]");
    }
}
