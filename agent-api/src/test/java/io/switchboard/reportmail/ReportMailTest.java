package io.switchboard.reportmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityRecorder;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import io.switchboard.lease.Lease;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled reports by e-mail, sent to a real SMTP server (GreenMail) on a loopback port: subscribed through the API,
 * computed as the subscriber sees them, attached as the export's CSV, retried and counted when the mail server fails,
 * and sent only by the node holding the reports lease.
 */
// its own context (the mail settings) holds the PBX link's lease while it lives: closed after the class, so the shared
// context's link can be taken again
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReportMailTest extends ApplicationOnPostgres {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = smtp();

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail smtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> 5000);
        registry.add("switchboard.reports.mail.from", () -> "reports@switchboard.test");
        // the test sends what is due itself, at the times it chooses
        registry.add("switchboard.reports.mail.poll", () -> "1h");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    ReportMailer mailer;

    @Autowired
    ReportSubscriptions subscriptions;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    ActivityHistory history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void noSubscriptionsAndAnEmptyMailbox() throws Exception {
        jdbc.update("delete from report_subscriptions");
        jdbc.update("delete from dialer_lease where name = ?", Lease.REPORTS);
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aSupervisorGetsYesterdaysCallsOfTheirTeamAsTheExportsCsv() throws Exception {
        JsonNode subscription = subscribe(
                TestUser.SUPERVISOR,
                "{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"06:00\",\"email\":\"sup@example.com\","
                        + "\"filter\":{\"queue\":\"support\"}}");
        Instant due = Instant.parse(subscription.path("nextRunAt").asText());
        LocalDate day = due.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        String teams = call(TestUser.AGENT.extension, day);
        String others = call("7999", day);

        assertThat(mailer.sendDue(due.plusSeconds(60))).isEqualTo(1);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sup@example.com");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("reports@switchboard.test");
        assertThat(mail.getSubject()).isEqualTo("Switchboard: Call history " + day);
        String attached = attachment(mail, "calls-" + day.toString().replace("-", "") + ".csv");
        HttpResponse<String> export = call(
                "GET",
                "/api/v1/reports/calls.csv?queue=support&from="
                        + day.atStartOfDay(ZoneOffset.UTC).toInstant() + "&to="
                        + day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                TestUser.SUPERVISOR,
                null);
        assertThat(attached).isEqualTo(export.body()).contains(teams).doesNotContain(others);
        // sent: the next one is due a day later
        JsonNode listed = Api.json(call("GET", "/api/v1/reports/subscriptions", TestUser.SUPERVISOR, null))
                .get(0);
        assertThat(Instant.parse(listed.path("nextRunAt").asText())).isEqualTo(due.plus(Duration.ofDays(1)));
        assertThat(listed.path("lastSentAt").isNull()).isFalse();
    }

    @Test
    void aWeeklyIntervalReportIsTheIntervalExportOfTheWeekBefore() throws Exception {
        JsonNode subscription = subscribe(
                TestUser.SUPERVISOR,
                "{\"report\":\"intervals\",\"frequency\":\"weekly\",\"weekday\":\"monday\",\"at\":\"07:30\","
                        + "\"email\":\"sup@example.com\",\"filter\":{\"step\":\"day\"}}");
        Instant due = Instant.parse(subscription.path("nextRunAt").asText());
        assertThat(due.atZone(ZoneOffset.UTC).getDayOfWeek()).hasToString("MONDAY");
        LocalDate monday = due.atZone(ZoneOffset.UTC).toLocalDate();

        assertThat(mailer.sendDue(due)).isEqualTo(1);

        String attached = attachment(
                smtp.getReceivedMessages()[0],
                "intervals-" + monday.minusDays(7).toString().replace("-", "") + "-"
                        + monday.minusDays(1).toString().replace("-", "") + ".csv");
        HttpResponse<String> export = call(
                "GET",
                "/api/v1/reports/intervals.csv?step=day&from=" + monday.minusDays(7) + "&to=" + monday.minusDays(1),
                TestUser.SUPERVISOR,
                null);
        assertThat(attached).isEqualTo(export.body()).startsWith("\"queue\",\"start\"");
    }

    @Test
    void aDailyAgentSessionsReportIsTheSessionsExportOfTheDayBefore() throws Exception {
        // due later today, so the report is of yesterday: a day in progress grows with the clock while an agent's
        // call is open (other classes on this database leave some), and the mail and the export are read a moment apart
        String at = LocalTime.now(ZoneOffset.UTC)
                .plusMinutes(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        JsonNode subscription = subscribe(
                TestUser.SUPERVISOR,
                "{\"report\":\"agent-sessions\",\"frequency\":\"daily\",\"at\":\"" + at + "\","
                        + "\"email\":\"sup@example.com\",\"filter\":{\"agent\":\"" + TestUser.AGENT.extension + "\"}}");
        Instant due = Instant.parse(subscription.path("nextRunAt").asText());
        LocalDate day = due.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);

        assertThat(mailer.sendDue(due)).isEqualTo(1);

        String attached = attachment(
                smtp.getReceivedMessages()[0],
                "agent-sessions-" + day.toString().replace("-", "") + ".csv");
        HttpResponse<String> export = call(
                "GET",
                "/api/v1/reports/agent-sessions.csv?agent=" + TestUser.AGENT.extension + "&from=" + day + "&to=" + day,
                TestUser.SUPERVISOR,
                null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(attached).isEqualTo(export.body()).isNotEmpty();
    }

    @Test
    void aFailedSendIsCountedAndRetriedUntilItGoesOut() throws Exception {
        JsonNode subscription = subscribe(
                TestUser.SUPERVISOR,
                "{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"05:00\",\"email\":\"sup@example.com\"}");
        Instant due = Instant.parse(subscription.path("nextRunAt").asText());
        double failed = count("switchboard.reports.mail.failed");
        double sent = count("switchboard.reports.mail.sent");
        smtp.stop();
        try {
            assertThat(mailer.sendDue(due)).isZero();
        } finally {
            smtp = smtp();
        }

        assertThat(count("switchboard.reports.mail.failed")).isEqualTo(failed + 1);
        JsonNode failing = Api.json(call("GET", "/api/v1/reports/subscriptions", TestUser.SUPERVISOR, null))
                .get(0);
        assertThat(failing.path("failures").asInt()).isEqualTo(1);
        assertThat(failing.path("lastError").asText()).isNotBlank();
        assertThat(Instant.parse(failing.path("nextRunAt").asText())).isEqualTo(due.plus(Duration.ofMinutes(5)));
        // not before its retry is due
        assertThat(mailer.sendDue(due.plus(Duration.ofMinutes(4)))).isZero();

        assertThat(mailer.sendDue(due.plus(Duration.ofMinutes(5)))).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(count("switchboard.reports.mail.sent")).isEqualTo(sent + 1);
        JsonNode recovered = Api.json(call("GET", "/api/v1/reports/subscriptions", TestUser.SUPERVISOR, null))
                .get(0);
        assertThat(recovered.path("failures").asInt()).isZero();
        assertThat(Instant.parse(recovered.path("nextRunAt").asText())).isEqualTo(due.plus(Duration.ofDays(1)));
    }

    @Test
    void onlyTheNodeHoldingTheReportsLeaseSends() {
        JsonNode subscription = subscribe(
                TestUser.SUPERVISOR,
                "{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"05:00\",\"email\":\"sup@example.com\"}");
        Instant due = Instant.parse(subscription.path("nextRunAt").asText());
        Lease otherNode = new Lease(named, java.time.Clock.systemUTC(), Lease.REPORTS);
        assertThat(otherNode.tryAcquire("other-node", Duration.ofHours(1))).isTrue();
        try {
            assertThat(mailer.sendDue(due)).isZero();
            assertThat(smtp.getReceivedMessages()).isEmpty();
        } finally {
            otherNode.release("other-node");
        }

        assertThat(mailer.sendDue(due)).isEqualTo(1);
    }

    @Test
    void aDeactivatedSubscriberGetsNoMailsUntilReactivated() throws Exception {
        JsonNode subscription = subscribe(
                TestUser.OTHER_SUPERVISOR,
                "{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"05:00\",\"email\":\"other@example.com\"}");
        Instant due = Instant.parse(subscription.path("nextRunAt").asText());
        String user = "/api/v1/users/" + TestUser.OTHER_SUPERVISOR.username;
        assertThat(call("POST", user + "/deactivate", TestUser.ADMIN, null).statusCode())
                .isEqualTo(200);
        try {
            assertThat(mailer.sendDue(due)).isZero();
            assertThat(smtp.getReceivedMessages()).isEmpty();
            // not failing either: it waits, unchanged, for its subscriber to come back
            assertThat(jdbc.queryForObject("select failures from report_subscriptions", Integer.class))
                    .isZero();
        } finally {
            assertThat(call("POST", user + "/reactivate", TestUser.ADMIN, null).statusCode())
                    .isEqualTo(200);
        }

        assertThat(mailer.sendDue(due)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("other@example.com");
    }

    @Test
    void subscriptionsAreListedAndDeletedByTheirOwnerOnly() {
        long id = subscribe(
                        TestUser.SUPERVISOR,
                        "{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"06:00\",\"email\":\"sup@example.com\"}")
                .path("id")
                .asLong();

        assertThat(Api.json(call("GET", "/api/v1/reports/subscriptions", TestUser.OTHER_SUPERVISOR, null)))
                .isEmpty();
        assertThat(call("DELETE", "/api/v1/reports/subscriptions/" + id, TestUser.OTHER_SUPERVISOR, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/reports/subscriptions/" + id, TestUser.SUPERVISOR, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Api.json(call("GET", "/api/v1/reports/subscriptions", TestUser.SUPERVISOR, null)))
                .isEmpty();
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheField() {
        assertRefused("{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"06:00\",\"email\":\"nobody\"}", "email");
        assertRefused(
                "{\"report\":\"calls\",\"frequency\":\"weekly\",\"at\":\"06:00\",\"email\":\"a@b.org\"}", "weekday");
        assertRefused("{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"25:00\",\"email\":\"a@b.org\"}", "at");
        assertRefused("{\"report\":\"pies\",\"frequency\":\"daily\",\"at\":\"06:00\",\"email\":\"a@b.org\"}", "report");
        assertRefused(
                "{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"06:00\",\"email\":\"a@b.org\","
                        + "\"filter\":{\"waitOver\":\"long\"}}",
                "filter.waitOver");
        assertRefused(
                "{\"report\":\"intervals\",\"frequency\":\"daily\",\"at\":\"06:00\",\"email\":\"a@b.org\","
                        + "\"filter\":{\"outcome\":\"answered\"}}",
                "filter.outcome");
        assertThat(jdbc.queryForObject("select count(*) from report_subscriptions", Long.class))
                .isZero();
    }

    private void assertRefused(String body, String field) {
        HttpResponse<String> refused = call("POST", "/api/v1/reports/subscriptions", TestUser.SUPERVISOR, body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Api.json(refused).path("errors").get(0).path("field").asText())
                .isEqualTo(field);
    }

    private JsonNode subscribe(TestUser user, String body) {
        HttpResponse<String> created = call("POST", "/api/v1/reports/subscriptions", user, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }

    /** An answered call in queue support on {@code day}, taken by {@code extension}; its call id. */
    private String call(String extension, LocalDate day) {
        String callId = "mail." + UUID.randomUUID();
        Instant started = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        recorder.record(new CallEnded(
                callId,
                started.plusSeconds(60),
                CallDirection.INBOUND,
                Party.of("+493055599001", null),
                "500",
                "support",
                extension,
                extension,
                extension,
                started,
                started.plusSeconds(5),
                5,
                5,
                55,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> history.findByCallId(callId, user(TestUser.ADMIN).viewer())
                        .isPresent());
        return callId;
    }

    private double count(String counter) {
        return meters.find(counter).tag("report", "calls").counters().stream()
                .mapToDouble(found -> found.count())
                .sum();
    }

    private static String attachment(MimeMessage mail, String name) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (name.equals(part.getFileName())) {
                try (InputStream in = part.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no attachment " + name + " in the mail");
    }
}
