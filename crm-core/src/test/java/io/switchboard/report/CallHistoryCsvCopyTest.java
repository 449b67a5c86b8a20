package io.switchboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.testing.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call history's CSV export on PostgreSQL is made by the database ({@code COPY}); it must be the same bytes as
 * the row-by-row writer's for every kind of cell: quotes, commas and line breaks inside cells, cells a spreadsheet
 * would run as formulas, empty and missing values, instants with and without fractions of a second, non-ASCII text,
 * transferred calls, and a supervisor's narrower view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallHistoryCsvCopyTest {

    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    private JdbcTemplate jdbc;
    private CallHistory history;

    @BeforeAll
    void callsWithEveryKindOfCell() {
        DataSource dataSource = new DriverManagerDataSource(FreshDatabase.POSTGRES.url());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        history = new CallHistory(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), null);
        jdbc.update("insert into teams (id, name) values (1, 'One'), (2, 'Two')");
        jdbc.update("insert into contacts (id, name, visibility, created_at, updated_at, version) values"
                + " (1, '=HYPERLINK(\"http://x\")', 'COMPANY', now(), now(), 0),"
                + " (2, 'Zoë \"the boss\", Müller', 'COMPANY', now(), now(), 0)");
        String[] names = {
            "Plain",
            "with, comma",
            "with \"quotes\"",
            "line\nbreak",
            "carriage\rreturn",
            "=1+2",
            "+4930",
            "-minus",
            "@at",
            "\ttab",
            "\uFF1Dfull-width",
            "emoji \uD83D\uDE00",
            "",
            null,
            "'already quoted",
            "ends with \n"
        };
        String[] fractions = {"", ".1", ".123", ".000120", ".123456", ".5"};
        for (int i = 0; i < names.length * 2; i++) {
            String name = names[i % names.length];
            String started =
                    "2026-03-02T09:" + String.format("%02d", i) + ":00" + fractions[i % fractions.length] + "Z";
            boolean answered = i % 3 != 0;
            jdbc.update(
                    "insert into activities (call_id, direction, outcome, caller_number, caller_name, callee_number,"
                            + " contact_id, queue, agent_extension, agent_id, team_id, started_at, answered_at,"
                            + " ended_at, ring_seconds, wait_seconds, talk_seconds, reconciled, disposition,"
                            + " recorded_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, 3, ?, ?,"
                            + " false, ?, ?, 0)",
                    i % 5 == 0 ? "-call-" + i : "call-" + i,
                    i % 4 == 0 ? "OUTBOUND" : "INBOUND",
                    answered ? CallOutcome.ANSWERED.name() : CallOutcome.ABANDONED.name(),
                    i % 2 == 0 ? "+49 30 123456" + i : "030-98765" + i,
                    name,
                    i % 7 == 0 ? null : "500",
                    i % 6 == 0 ? null : (long) (1 + i % 2),
                    i % 8 == 0 ? null : "o'brien, \"sales\"",
                    answered ? "20" + (i % 3) : null,
                    i % 2 == 0 ? 1L : 2L,
                    time(started),
                    answered ? time(started).plusSeconds(i) : null,
                    time(started).plusSeconds(100 + i),
                    i,
                    answered ? 90 + i : 0,
                    i % 3 == 1 ? "=cmd|' /C calc'!A0" : i % 3 == 2 ? "SOLVED" : null,
                    time(started));
            if (i % 4 == 1) {
                String callId = i % 5 == 0 ? "-call-" + i : "call-" + i;
                jdbc.update(
                        "insert into activity_legs (call_id, seq, queue, agent_extension, started_at, ended_at,"
                                + " transferred) values (?, 0, 'sales', '201', ?, ?, true)",
                        callId,
                        time(started),
                        time(started).plusSeconds(10));
            }
        }
    }

    @Test
    void copyingIsTheSameBytesAsWritingRowByRowForAnAdmin() {
        Viewer admin = new Viewer(new UserId(1), Role.ADMIN, null);
        String copied = same(filter(null, null, null, true), admin);
        assertThat(copied.split("\r\n", -1)).hasSizeGreaterThan(20);
        assertThat(copied)
                .startsWith("\"id\",\"call_id\",\"started_at\"")
                .contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
                .contains("\"2026-03-02T09:03:00.000120Z\"")
                .contains("\"line\nbreak\"")
                .endsWith("\r\n");
        same(filter(null, null, null, false), admin);
    }

    @Test
    void copyingKeepsTheFiltersValuesAndASupervisorsView() {
        Viewer supervisor = new Viewer(new UserId(99), Role.SUPERVISOR, new TeamId(2));
        String queue = same(filter("o'brien, \"sales\"", null, null, true), supervisor);
        assertThat(queue.split("\r\n")).hasSizeGreaterThan(3);
        assertThat(queue).doesNotContain("call-0\"");
        same(filter(null, "=cmd|' /C calc'!A0", null, false), new Viewer(new UserId(1), Role.ADMIN, null));
        same(filter(null, null, "123456", true), new Viewer(new UserId(1), Role.ADMIN, null));
        assertThat(same(filter("nobody's; drop table activities; --", null, null, true), supervisor))
                .as("only the header: the quote in the value stays in the value")
                .hasLineCount(1);
    }

    /** Exports both ways, holds them to the same bytes, and returns the text. */
    private String same(CallHistoryFilter filter, Viewer viewer) {
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        long copiedRows = history.exportCsv(filter, viewer, copied);
        long writtenRows = history.exportCsvRowByRow(filter, viewer, written);
        assertThat(copied.toString(StandardCharsets.UTF_8)).isEqualTo(written.toString(StandardCharsets.UTF_8));
        assertThat(copied.toByteArray()).isEqualTo(written.toByteArray());
        assertThat(copiedRows).isEqualTo(writtenRows);
        return copied.toString(StandardCharsets.UTF_8);
    }

    private static CallHistoryFilter filter(String queue, String disposition, String digits, boolean ascending) {
        return new CallHistoryFilter(
                DAY,
                DAY.plusSeconds(86_400),
                null,
                queue,
                null,
                null,
                disposition,
                digits,
                null,
                null,
                null,
                CallSort.STARTED,
                ascending);
    }

    private static OffsetDateTime time(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
