package io.switchboard.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import io.switchboard.report.CallHistory;
import io.switchboard.report.CallHistoryFilter;
import io.switchboard.report.CallSort;
import io.switchboard.testing.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call history's CSV export, byte for byte: a fixture of awkward calls (quotes, commas and line breaks in names,
 * cells a spreadsheet would take for formulas, contacts, transfers, instants to the microsecond, the millisecond and
 * the second) written through the recorder's own insert path, then exported as an admin, as a supervisor of one team
 * and as a supervisor without one, in several orders and filters. The expected bytes ({@code
 * call-history-export.csv}) were written by the export before it was made faster (the per-row {@code exists} on the
 * legs, the row-by-row mapping and writing), so every later change is held to the same file on H2 and PostgreSQL.
 * It lives in this package because it writes the calls as the recorder does ({@link ActivityInserts}), legs
 * included.
 */
class CallHistoryExportBytesTest {

    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
    private static final String[] NAMES = {
        null, "Ada \"the Countess\" Lovelace", "Smith, John", "two\nlines", "=HYPERLINK(\"x\")", "@sum", "Zoë Ünïcode"
    };
    private static final String[] NUMBERS = {"+493012345", "030 1234567", "-5", "=1+1", "100", "+1 (555) 010-9999"};
    private static final CallOutcome[] OUTCOMES = {
        CallOutcome.ANSWERED, CallOutcome.ANSWERED, CallOutcome.ABANDONED, CallOutcome.MISSED, CallOutcome.NO_ANSWER
    };

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void theExportWritesTheSameBytesAsBefore(FreshDatabase database) throws IOException {
        JdbcTemplate jdbc = database.migrated();
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        fixture(jdbc, transactions);
        CallHistory history = new CallHistory(jdbc, transactions, null);
        Viewer admin = new Viewer(new UserId(1), Role.ADMIN, null);
        Viewer teamSupervisor = new Viewer(new UserId(2), Role.SUPERVISOR, new TeamId(1));
        Viewer loneSupervisor = new Viewer(new UserId(3), Role.SUPERVISOR, null);

        StringBuilder all = new StringBuilder();
        all.append(export(history, admin, filter(null, CallSort.STARTED, true), "admin, oldest first"));
        all.append(export(history, admin, filter(null, CallSort.STARTED, false), "admin, newest first"));
        all.append(export(history, admin, filter(null, CallSort.WAIT, false), "admin, longest wait first"));
        all.append(export(history, admin, filter(true, CallSort.STARTED, true), "admin, transferred"));
        all.append(export(history, admin, filter(false, CallSort.STARTED, true), "admin, not transferred"));
        all.append(export(history, teamSupervisor, filter(null, CallSort.STARTED, true), "team 1's supervisor"));
        all.append(export(history, loneSupervisor, filter(null, CallSort.STARTED, true), "supervisor, no team"));

        String expected = expected();
        if (!expected.equals(all.toString())) {
            Path actual = Path.of("target", "call-history-export." + database + ".csv");
            Files.writeString(actual, all, StandardCharsets.UTF_8);
            assertThat(all.toString()).as("the export (written to %s)", actual).isEqualTo(expected);
        }
    }

    private static String export(CallHistory history, Viewer viewer, CallHistoryFilter filter, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = history.exportCsv(filter, viewer, out);
        return "## " + title + ": " + rows + " calls\n" + out.toString(StandardCharsets.UTF_8);
    }

    private static CallHistoryFilter filter(Boolean transferred, CallSort sort, boolean ascending) {
        return CallHistoryFilter.all(DAY, DAY.plusSeconds(86_400), sort, ascending)
                .withTransferred(transferred);
    }

    private static String expected() throws IOException {
        try (InputStream in = CallHistoryExportBytesTest.class.getResourceAsStream("call-history-export.csv")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * 60 calls of two teams' agents and nobody's, a call before and after the day, written in batches with a
     * replayed batch (whose calls must not change), every seventh answered call transferred on a first leg.
     */
    private static void fixture(JdbcTemplate jdbc, TransactionTemplate transactions) {
        OffsetDateTime now = OffsetDateTime.parse("2026-03-01T00:00:00Z");
        jdbc.update("insert into teams (id, name) values (1, 'One'), (2, 'Two')");
        for (int user = 1; user <= 6; user++) {
            jdbc.update(
                    "insert into users (id, username, display_name, role, team_id, extension, active, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, true, ?)",
                    user,
                    "u" + user,
                    "User " + user,
                    user <= 3 ? "SUPERVISOR" : "AGENT",
                    user == 3 ? null : user % 2 + 1,
                    "20" + (10 + user),
                    now);
        }
        for (int contact = 1; contact <= 3; contact++) {
            jdbc.update(
                    "insert into contacts (id, name, visibility, created_at, updated_at, version)"
                            + " values (?, ?, 'COMPANY', ?, ?, 0)",
                    contact,
                    contact == 2 ? "\"Quoted\", Inc." : "Contact " + contact,
                    now,
                    now);
        }
        ActivityInserts inserts = new ActivityInserts(jdbc, transactions, quarters -> {}, Clock.systemUTC());
        List<CallRecord> calls = new ArrayList<>();
        calls.add(record(-1, DAY.minusSeconds(1)));
        for (int n = 0; n < 60; n++) {
            calls.add(record(
                    n, DAY.plusSeconds(600L * n).plusNanos(n % 3 == 0 ? 0 : n % 3 == 1 ? 120_000_000 : 123_456_000)));
        }
        calls.add(record(99, DAY.plusSeconds(86_400)));
        for (int from = 0; from < calls.size(); from += 16) {
            inserts.insert(calls.subList(from, Math.min(from + 16, calls.size())));
        }
        inserts.insert(calls.subList(10, 30));
        // dispositions come after the call, from the agent
        jdbc.update("update activities set disposition = 'SOLVED' where outcome = 'ANSWERED' and mod(id, 3) = 0");
        jdbc.update("update activities set disposition = '-x, \"y\"' where outcome = 'ANSWERED' and mod(id, 3) = 1");
    }

    private static CallRecord record(int n, Instant started) {
        int i = Math.abs(n);
        CallOutcome outcome = OUTCOMES[i % OUTCOMES.length];
        boolean answered = outcome == CallOutcome.ANSWERED;
        boolean outbound = i % 9 == 4;
        long wait = (i * 7L) % 95;
        long talk = answered ? 20 + (i * 13L) % 400 : 0;
        long user = outcome == CallOutcome.ABANDONED ? 0 : 1 + i % 6;
        String agent = user == 0 ? null : "20" + (10 + user);
        String number = NUMBERS[i % NUMBERS.length];
        boolean transferred = answered && i % 7 == 0;
        List<CallLeg> path = new ArrayList<>();
        if (transferred) {
            path.add(new CallLeg("support", "2014", started, started.plusSeconds(wait), started.plusSeconds(40), true));
        }
        if (agent != null && !outbound) {
            path.add(new CallLeg(
                    "support",
                    agent,
                    started,
                    answered ? started.plusSeconds(wait) : null,
                    started.plusSeconds(wait + talk),
                    false));
        }
        CallEnded call = new CallEnded(
                "export-" + n,
                started.plusSeconds(wait + talk),
                outbound ? CallDirection.OUTBOUND : CallDirection.INBOUND,
                Party.of(outbound ? agent : number, NAMES[i % NAMES.length]),
                outbound ? number : "500",
                outbound || i % 11 == 5 ? null : i % 2 == 0 ? "support" : "sales, \"east\"",
                agent,
                answered ? agent : null,
                answered ? agent : null,
                started,
                answered ? started.plusSeconds(wait) : null,
                i % 4,
                wait,
                talk,
                16,
                "Normal Clearing",
                outcome,
                i % 5 == 0,
                path);
        Long contact = i % 4 == 1 ? (long) (1 + i % 3) : null;
        Long team = user == 0 || user == 3 ? null : user % 2 + 1;
        return new CallRecord(call, contact, agent, user == 0 ? null : user, team);
    }
}
