package io.switchboard.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.activity.Activity;
import io.switchboard.contact.Contact;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.TestUser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ticket workbench's API on a real PostgreSQL: its views (mine, my tiers' queues, my team's, all) with search,
 * filters and sort; internal notes; sending a ticket back to a lower tier; linked calls with their activities; and
 * the news that reaches the desktops of the people a change concerns (never the person who made it).
 */
class TicketWorkbenchApiTest extends ApplicationOnPostgres {

    private static final String TIER_1 = "Tier 1";
    private static final String TIER_2 = "Tier 2";

    @BeforeAll
    void bothAgentsStaffTierOneAndTheTeammateTierTwo() {
        staffTier("Tier 1", TestUser.AGENT, TestUser.TEAMMATE);
        staffTier("Tier 2", TestUser.TEAMMATE);
    }

    @Test
    void eachViewListsWhatItPromisesToWhomItMayShowIt() {
        String marker = marker("views");
        long queued = open(marker + " waiting", null, TIER_1, TestUser.AGENT);

        assertThat(view("TIERS", marker, TestUser.TEAMMATE)).containsExactly(queued);
        assertThat(view("TIERS", marker, TestUser.AGENT)).containsExactly(queued);
        assertThat(view("MINE", marker, TestUser.TEAMMATE)).isEmpty();
        assertThat(view("TEAM", marker, TestUser.SUPERVISOR)).containsExactly(queued);
        assertThat(view("TEAM", marker, TestUser.OTHER_SUPERVISOR)).isEmpty();
        assertThat(view("ALL", marker, TestUser.ADMIN)).containsExactly(queued);
        // the admin belongs to no tier: their tiers' queues are empty
        assertThat(view("TIERS", marker, TestUser.ADMIN)).isEmpty();

        ok(call(
                "POST",
                "/api/v1/tickets/" + queued + "/assignee",
                TestUser.TEAMMATE,
                "{\"username\":\"" + TestUser.TEAMMATE.username + "\"}"));

        assertThat(view("MINE", marker, TestUser.TEAMMATE)).containsExactly(queued);
        assertThat(view("TIERS", marker, TestUser.TEAMMATE)).isEmpty();
        assertThat(view("MINE", marker, TestUser.AGENT)).isEmpty();
        assertThat(view("TEAM", marker, TestUser.SUPERVISOR)).containsExactly(queued);

        JsonNode teamForAgent = problem(call("GET", workbench("TEAM", marker), TestUser.AGENT, null), 403);
        assertThat(teamForAgent.path("detail").asText()).contains("supervisors");
        problem(call("GET", workbench("ALL", marker), TestUser.SUPERVISOR, null), 403);
        problem(call("GET", workbench("ALL", marker), TestUser.AGENT, null), 403);
    }

    @Test
    void aRowCarriesItsContactItsSlaClocksAndWhoHasIt() {
        String marker = marker("row");
        Contact customer = customer(marker + " Lovelace", "+49 30 5557 0411");
        long id = open(marker + " invoice", customer.id().value(), TIER_1, TestUser.AGENT);

        JsonNode page = ok(call("GET", workbench("TIERS", marker), TestUser.AGENT, null));

        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        JsonNode row = page.path("items").get(0);
        assertThat(id(row.path("id"))).isEqualTo(id);
        assertThat(id(row.path("contact"))).isEqualTo(customer.id().value());
        assertThat(row.path("contactName").asText()).isEqualTo(marker + " Lovelace");
        assertThat(row.path("tier").asText()).isEqualTo(TIER_1);
        assertThat(row.path("assigneeName").isNull()).isTrue();
        assertThat(row.path("updatedAt").asText()).isNotBlank();
        List<String> clocks = new ArrayList<>();
        row.path("sla").forEach(clock -> clocks.add(clock.path("kind").asText()));
        assertThat(clocks).contains("FIRST_RESPONSE", "RESOLUTION");
        assertThat(row.path("sla").get(0).path("left").asText()).startsWith("PT");
        assertThat(row.path("sla").get(0).path("target").asText()).startsWith("PT");
    }

    @Test
    void searchFiltersSortAndPagesNarrowTheList() {
        String marker = marker("filters");
        Contact customer = customer(marker + " Hopper", "+49 30 5557 0412");
        long low = open(marker + " low printer", null, TIER_1, TestUser.AGENT, "LOW");
        long urgent = open(marker + " urgent server", customer.id().value(), TIER_1, TestUser.AGENT, "URGENT");
        long closed = open(marker + " closed one", null, TIER_1, TestUser.AGENT, "HIGH");
        ok(call("POST", "/api/v1/tickets/" + closed + "/assignee", TestUser.AGENT, assignee(TestUser.AGENT)));
        ok(call("POST", "/api/v1/tickets/" + closed + "/status", TestUser.AGENT, "{\"status\":\"CLOSED\"}"));
        ok(call("POST", "/api/v1/tickets/" + low + "/assignee", TestUser.AGENT, assignee(TestUser.AGENT)));
        ok(call("POST", "/api/v1/tickets/" + urgent + "/assignee", TestUser.AGENT, assignee(TestUser.AGENT)));

        assertThat(view("MINE", marker, TestUser.AGENT)).containsExactlyInAnyOrder(low, urgent);
        assertThat(ids(ok(call("GET", workbench("MINE", marker) + "&sort=PRIORITY", TestUser.AGENT, null))))
                .containsExactly(urgent, low);
        assertThat(ids(ok(call("GET", workbench("MINE", marker) + "&sort=NEWEST", TestUser.AGENT, null))))
                .containsExactly(urgent, low);
        assertThat(ids(ok(call("GET", workbench("MINE", marker) + "&priority=LOW", TestUser.AGENT, null))))
                .containsExactly(low);
        assertThat(ids(ok(call("GET", workbench("MINE", marker) + "&status=CLOSED", TestUser.AGENT, null))))
                .containsExactly(closed);
        // the contact's name finds the ticket too, whatever the case; a ticket number finds just it
        assertThat(view("MINE", marker.toUpperCase() + " HOPPER", TestUser.AGENT))
                .containsExactly(urgent);
        assertThat(view("MINE", "#" + low, TestUser.AGENT)).containsExactly(low);
        // a wildcard typed by the user is a character, not a pattern
        assertThat(view("MINE", marker + "%", TestUser.AGENT)).isEmpty();

        JsonNode first = ok(call("GET", workbench("MINE", marker) + "&sort=NEWEST&size=1", TestUser.AGENT, null));
        JsonNode second =
                ok(call("GET", workbench("MINE", marker) + "&sort=NEWEST&size=1&page=1", TestUser.AGENT, null));
        assertThat(first.path("totalItems").asLong()).isEqualTo(2);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactly(urgent);
        assertThat(ids(second)).containsExactly(low);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        long id = open(marker("bad") + " input", null, TIER_1, TestUser.AGENT);
        String path = "/api/v1/tickets/" + id;

        assertThat(field(call("GET", "/api/v1/tickets/workbench?view=EVERYTHING", TestUser.AGENT, null)))
                .isEqualTo("view");
        assertThat(field(call("GET", "/api/v1/tickets/workbench?status=DONE", TestUser.AGENT, null)))
                .isEqualTo("status");
        assertThat(field(call("GET", "/api/v1/tickets/workbench?sort=RANDOM", TestUser.AGENT, null)))
                .isEqualTo("sort");
        assertThat(field(call("GET", "/api/v1/tickets/workbench?size=201", TestUser.AGENT, null)))
                .isEqualTo("size");
        assertThat(field(call("GET", "/api/v1/tickets/workbench?tier=Tier%209", TestUser.AGENT, null)))
                .isEqualTo("tier");
        assertThat(field(call("GET", "/api/v1/tickets/workbench?q=" + "x".repeat(201), TestUser.AGENT, null)))
                .isEqualTo("q");
        assertThat(field(call("POST", path + "/notes", TestUser.AGENT, "{\"note\":\" \"}")))
                .isEqualTo("note");
        assertThat(field(call("POST", path + "/de-escalations", TestUser.AGENT, "{\"tier\":\"Tier 1\"}")))
                .isEqualTo("reason");
        // in the first tier already: nothing is below it
        JsonNode first = problem(call("POST", path + "/de-escalations", TestUser.AGENT, "{\"reason\":\"back\"}"), 400);
        assertThat(first.path("errors").get(0).path("field").asText()).isEqualTo("tier");
        assertThat(first.path("detail").asText()).contains("first tier");
        assertThat(field(call(
                        "POST", path + "/de-escalations", TestUser.AGENT, "{\"tier\":\"Tier 3\",\"reason\":\"up\"}")))
                .isEqualTo("tier");
        problem(call("POST", "/api/v1/tickets/" + Long.MAX_VALUE + "/notes", TestUser.AGENT, "{\"note\":\"x\"}"), 404);
        problem(call("GET", "/api/v1/tickets/" + Long.MAX_VALUE + "/calls", TestUser.AGENT, null), 404);
    }

    @Test
    void aNoteIsForColleaguesAndLeavesTheSlaClocksAlone() {
        long id = open(marker("note") + " quiet", null, TIER_1, TestUser.AGENT);
        String path = "/api/v1/tickets/" + id;

        JsonNode noted = ok(call("POST", path + "/notes", TestUser.AGENT, "{\"note\":\"customer is on holiday\"}"));

        assertThat(noted.path("status").asText()).isEqualTo("NEW");
        assertThat(noted.path("firstRespondedAt").isNull()).isTrue();
        noted.path("sla")
                .forEach(clock -> assertThat(clock.path("metAt").isNull())
                        .as(clock.toString())
                        .isTrue());
        JsonNode history = ok(call("GET", path + "/history", TestUser.SUPERVISOR, null));
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("kind").asText()).isEqualTo("NOTE");
        assertThat(last.path("reason").asText()).isEqualTo("customer is on holiday");
        assertThat(last.path("actorName").asText()).isEqualTo(TestUser.AGENT.username);

        JsonNode responded = ok(call("POST", path + "/responses", TestUser.AGENT, "{\"note\":\"we are on it\"}"));
        assertThat(responded.path("status").asText()).isEqualTo("OPEN");
        assertThat(responded.path("firstRespondedAt").isNull()).isFalse();
    }

    @Test
    void sendingATicketBackPutsItInTheLowerTiersQueueAndTellsItsMembers() {
        String marker = marker("back");
        long id = open(marker + " too simple", null, TIER_2, TestUser.AGENT);
        JsonNode opened = ok(call("GET", "/api/v1/tickets/" + id, TestUser.TEAMMATE, null));
        // Tier 2 gives arriving tickets to its least-loaded member: the teammate is its only one here
        assertThat(opened.path("assigneeName").asText()).isEqualTo(TestUser.TEAMMATE.username);

        try (Desktop agent = desktop(TestUser.AGENT)) {
            JsonNode back = ok(call(
                    "POST",
                    "/api/v1/tickets/" + id + "/de-escalations",
                    TestUser.TEAMMATE,
                    "{\"reason\":\"a password reset: tier 1 does these\"}"));

            assertThat(back.path("tier").asText()).isEqualTo(TIER_1);
            assertThat(back.path("assignee").isNull()).isTrue();
            JsonNode news = await().atMost(Duration.ofSeconds(10))
                    .until(() -> news(agent, id, "QUEUED"), found -> found != null);
            assertThat(news.path("tier").asText()).isEqualTo(TIER_1);
            assertThat(news.path("subject").asText()).isEqualTo(marker + " too simple");
            assertThat(news.path("actor").asText()).isEqualTo(TestUser.TEAMMATE.username);
        }
        assertThat(view("TIERS", marker, TestUser.AGENT)).containsExactly(id);
        JsonNode history = ok(call("GET", "/api/v1/tickets/" + id + "/history", TestUser.AGENT, null));
        List<String> kinds = new ArrayList<>();
        history.forEach(change -> kinds.add(change.path("kind").asText()));
        JsonNode sentBack = history.get(kinds.indexOf("DE_ESCALATED"));
        assertThat(sentBack.path("from").asText()).isEqualTo(TIER_2);
        assertThat(sentBack.path("to").asText()).isEqualTo(TIER_1);
        assertThat(sentBack.path("reason").asText()).isEqualTo("a password reset: tier 1 does these");
    }

    @Test
    void aNewTicketInMyTiersQueueReachesMyDesktopButNotTheOneWhoOpenedIt() {
        String marker = marker("live");
        try (Desktop agent = desktop(TestUser.AGENT);
                Desktop teammate = desktop(TestUser.TEAMMATE)) {
            long byTeammate = open(marker + " first", null, TIER_1, TestUser.TEAMMATE);
            JsonNode arrived = await().atMost(Duration.ofSeconds(10))
                    .until(() -> news(agent, byTeammate, "QUEUED"), found -> found != null);
            assertThat(arrived.path("subject").asText()).isEqualTo(marker + " first");
            assertThat(arrived.path("priority").asText()).isEqualTo("NORMAL");

            // the agent opens the next one: once the teammate has its news, they would have had the first one's
            long byAgent = open(marker + " second", null, TIER_1, TestUser.AGENT);
            await().atMost(Duration.ofSeconds(10)).until(() -> news(teammate, byAgent, "QUEUED") != null);
            assertThat(news(teammate, byTeammate, "QUEUED")).isNull();
        }
    }

    @Test
    void aResponseOrNoteOnMyTicketReachesMyDesktop() {
        long id = open(marker("answer") + " mine", null, TIER_1, TestUser.AGENT);
        ok(call("POST", "/api/v1/tickets/" + id + "/assignee", TestUser.AGENT, assignee(TestUser.AGENT)));
        try (Desktop agent = desktop(TestUser.AGENT)) {
            ok(call("POST", "/api/v1/tickets/" + id + "/responses", TestUser.SUPERVISOR, "{\"note\":\"called back\"}"));
            ok(call("POST", "/api/v1/tickets/" + id + "/notes", TestUser.SUPERVISOR, "{\"note\":\"watch this\"}"));

            JsonNode responded = await().atMost(Duration.ofSeconds(10))
                    .until(() -> news(agent, id, "RESPONDED"), found -> found != null);
            assertThat(responded.path("actor").asText()).isEqualTo(TestUser.SUPERVISOR.username);
            assertThat(responded.path("assignee").asText()).isEqualTo(TestUser.AGENT.username);
            await().atMost(Duration.ofSeconds(10)).until(() -> news(agent, id, "NOTED") != null);
        }
    }

    @Test
    void aTicketsCallsComeWithTheirActivities() {
        Contact customer = customer(marker("calls") + " Caller", "+49 30 5557 0413");
        Activity call = activityOf(queueCall("+493055570413", TestUser.AGENT, 1));
        long id = id(ok(call("POST", "/api/v1/activities/" + call.id().value() + "/ticket", TestUser.AGENT, "{}"))
                .path("id"));

        JsonNode calls = ok(call("GET", "/api/v1/tickets/" + id + "/calls", TestUser.AGENT, null));

        assertThat(calls.size()).isEqualTo(1);
        assertThat(calls.get(0).path("callId").asText()).isEqualTo(call.callId());
        JsonNode activity = calls.get(0).path("activity");
        assertThat(id(activity.path("id"))).isEqualTo(call.id().value());
        assertThat(activity.path("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(activity.path("queue").asText()).isEqualTo("support");
        assertThat(id(activity.path("contact"))).isEqualTo(customer.id().value());
        // a supervisor of another team sees neither the ticket nor its calls
        problem(call("GET", "/api/v1/tickets/" + id + "/calls", TestUser.OTHER_SUPERVISOR, null), 404);
    }

    private static String marker(String test) {
        return "wb" + test + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private long open(String subject, Long contact, String tier, TestUser by) {
        return open(subject, contact, tier, by, "NORMAL");
    }

    private long open(String subject, Long contact, String tier, TestUser by, String priority) {
        HttpResponse<String> opened = call(
                "POST",
                "/api/v1/tickets",
                by,
                "{\"subject\":\"" + subject + "\",\"tier\":\"" + tier + "\",\"priority\":\"" + priority + "\""
                        + (contact == null ? "" : ",\"contact\":" + contact) + "}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return id(Api.json(opened).path("id"));
    }

    private List<Long> view(String view, String q, TestUser user) {
        return ids(ok(call("GET", workbench(view, q) + "&size=200", user, null)));
    }

    private static String workbench(String view, String q) {
        return "/api/v1/tickets/workbench?view=" + view + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String assignee(TestUser user) {
        return "{\"username\":\"" + user.username + "\"}";
    }

    private Contact customer(String name, String number) {
        return teamCustomer(name, number);
    }

    private static JsonNode news(Desktop desktop, long ticket, String kind) {
        return desktop.received("ticketNews").stream()
                .filter(message -> message.path("ticket").asLong() == ticket)
                .filter(message -> message.path("kind").asText().equals(kind))
                .findFirst()
                .orElse(null);
    }

    /** An id as the API writes it: a plain number (or, before IDs were plain, {@code {"value": n}}). */
    static long id(JsonNode id) {
        return id.isObject() ? id.path("value").asLong() : id.asLong();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(ticket -> ids.add(id(ticket.path("id"))));
        return ids;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Api.json(response);
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return Api.json(response);
    }

    private static String field(HttpResponse<String> response) {
        return problem(response, 400).path("errors").get(0).path("field").asText();
    }
}
