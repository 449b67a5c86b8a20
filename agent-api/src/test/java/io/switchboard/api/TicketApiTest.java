package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.activity.Activity;
import io.switchboard.contact.Contact;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tickets through the API on a real PostgreSQL: opened from a call the simulator played, found in the tier's queue,
 * worked on with a history of every change, escalated by hand to a member of the next tier (whose desktop is told),
 * and shown in the pop when the customer calls again.
 */
class TicketApiTest extends ApplicationOnPostgres {

    private static final String TIER_1 = "Tier 1";
    private static final String TIER_2 = "Tier 2";

    @BeforeAll
    void theAgentsStaffTierOneAndTheTeammateTierTwo() {
        staffTier("Tier 1", TestUser.AGENT, TestUser.TEAMMATE);
        staffTier("Tier 2", TestUser.TEAMMATE);
        JsonNode tiers = ok(call("GET", "/api/v1/tiers", TestUser.AGENT, null));
        assertThat(tiers.get(0).path("name").asText()).isEqualTo(TIER_1);
        assertThat(usernames(tiers.get(0).path("members")))
                .contains(TestUser.AGENT.username, TestUser.TEAMMATE.username);
        assertThat(usernames(tiers.get(1).path("members"))).contains(TestUser.TEAMMATE.username);
    }

    @Test
    void anAgentOpensATicketFromACallAndTheTierFindsItInItsQueue() {
        Contact customer = customer("Grace Queue", "+49 30 5557 0311");
        Activity call = activityOf(queueCall("+493055570311", TestUser.AGENT, 1));
        assertThat(call.contact()).isEqualTo(customer.id());

        HttpResponse<String> opened =
                call("POST", "/api/v1/activities/" + call.id().value() + "/ticket", TestUser.AGENT, "{}");

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode ticket = Api.json(opened);
        long id = ticket.path("id").asLong();
        assertThat(opened.headers().firstValue("Location")).hasValue("/api/v1/tickets/" + id);
        assertThat(ticket.path("subject").asText()).contains("Grace Queue");
        assertThat(ticket.path("contact").asLong()).isEqualTo(customer.id().value());
        assertThat(ticket.path("callIds").get(0).asText()).isEqualTo(call.callId());
        assertThat(ticket.path("tier").asText()).isEqualTo(TIER_1);
        assertThat(ticket.path("status").asText()).isEqualTo("NEW");
        assertThat(ticket.path("assignee").isNull()).isTrue();

        String queue = "/api/v1/tickets?tier=Tier%201&unassigned=true&active=true&size=200";
        assertThat(ids(ok(call("GET", queue, TestUser.TEAMMATE, null)))).contains(id);
        assertThat(ids(ok(call("GET", queue, TestUser.OTHER_SUPERVISOR, null)))).doesNotContain(id);
        assertThat(ids(ok(call("GET", "/api/v1/tickets?contact=" + customer.id().value(), TestUser.SUPERVISOR, null))))
                .containsExactly(id);

        // the teammate takes it from the queue: it leaves the queue and is theirs
        ok(call(
                "POST",
                "/api/v1/tickets/" + id + "/assignee",
                TestUser.TEAMMATE,
                "{\"username\":\"" + TestUser.TEAMMATE.username + "\",\"reason\":\"mine\"}"));
        assertThat(ids(ok(call("GET", queue, TestUser.TEAMMATE, null)))).doesNotContain(id);
        assertThat(ids(ok(call("GET", "/api/v1/tickets?assignee=me&active=true", TestUser.TEAMMATE, null))))
                .contains(id);
    }

    @Test
    void everyChangeIsInTheHistoryWithWhoAndWhy() {
        long id = openTicket("Printer on fire", null, TestUser.AGENT);
        String path = "/api/v1/tickets/" + id;

        ok(call("POST", path + "/status", TestUser.AGENT, "{\"status\":\"OPEN\",\"reason\":\"looking\"}"));
        ok(call("POST", path + "/responses", TestUser.AGENT, "{\"note\":\"told them to unplug it\"}"));
        long version =
                ok(call("GET", path, TestUser.AGENT, null)).path("version").asLong();
        JsonNode edited = ok(call(
                "PUT",
                path,
                TestUser.AGENT,
                "{\"priority\":\"URGENT\",\"expectedVersion\":" + version + ",\"reason\":\"smoke\"}"));
        assertThat(edited.path("priority").asText()).isEqualTo("URGENT");

        JsonNode history = ok(call("GET", path + "/history", TestUser.SUPERVISOR, null));

        List<String> kinds = new ArrayList<>();
        history.forEach(change -> kinds.add(change.path("kind").asText()));
        assertThat(kinds).containsSubsequence("CREATED", "STATUS", "RESPONDED", "PRIORITY");
        JsonNode status = history.get(kinds.indexOf("STATUS"));
        assertThat(status.path("from").asText()).isEqualTo("NEW");
        assertThat(status.path("to").asText()).isEqualTo("OPEN");
        assertThat(status.path("reason").asText()).isEqualTo("looking");
        assertThat(status.path("actor").asLong())
                .isEqualTo(user(TestUser.AGENT).id().value());
        assertThat(history.get(kinds.indexOf("PRIORITY")).path("reason").asText())
                .isEqualTo("smoke");

        // the version seen before the priority change is stale now
        JsonNode stale = Api.json(
                call("PUT", path, TestUser.AGENT, "{\"subject\":\"Printer\",\"expectedVersion\":" + version + "}"));
        assertThat(stale.path("status").asInt()).isEqualTo(409);
    }

    @Test
    void aTicketRefusesWhatItCannotTakeNamingTheField() {
        long id = openTicket("Refusals", null, TestUser.AGENT);
        String path = "/api/v1/tickets/" + id;
        ok(call("POST", path + "/status", TestUser.AGENT, "{\"status\":\"CLOSED\"}"));

        JsonNode reopened = problem(call("POST", path + "/status", TestUser.AGENT, "{\"status\":\"OPEN\"}"), 400);
        JsonNode noReason = problem(call("POST", path + "/escalations", TestUser.AGENT, "{}"), 400);
        JsonNode noSuchTier = problem(
                call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"x\",\"tier\":\"Tier 9\"}"), 400);
        JsonNode notTheirs = problem(
                call(
                        "POST",
                        path + "/assignee",
                        TestUser.AGENT,
                        "{\"username\":\"" + TestUser.TEAMMATE.username + "\"}"),
                403);

        assertThat(reopened.path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(noReason.path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(noSuchTier.path("errors").get(0).path("field").asText()).isEqualTo("tier");
        assertThat(noSuchTier.path("detail").asText()).contains(TIER_1);
        assertThat(notTheirs.path("detail").asText()).contains(Long.toString(id));
        problem(call("GET", "/api/v1/tickets/" + Long.MAX_VALUE, TestUser.AGENT, null), 404);
    }

    @Test
    void escalatingByHandMovesTheTicketAndTellsTheNewTiersDesktops() {
        long id = openTicket("Needs an engineer", null, TestUser.AGENT);
        try (Desktop teammate = desktop(TestUser.TEAMMATE);
                Desktop supervisor = desktop(TestUser.SUPERVISOR)) {

            JsonNode escalated = ok(call(
                    "POST",
                    "/api/v1/tickets/" + id + "/escalations",
                    TestUser.AGENT,
                    "{\"assignee\":\"" + TestUser.TEAMMATE.username + "\",\"reason\":\"beyond tier 1\"}"));

            assertThat(escalated.path("tier").asText()).isEqualTo(TIER_2);
            assertThat(escalated.path("assigneeName").asText()).isEqualTo(TestUser.TEAMMATE.username);
            JsonNode told = await().atMost(Duration.ofSeconds(10))
                    .until(() -> escalation(teammate, id), found -> found != null);
            assertThat(told.path("role").asText()).isEqualTo("ASSIGNEE");
            assertThat(told.path("kind").asText()).isEqualTo("MANUAL");
            assertThat(told.path("fromTier").asText()).isEqualTo(TIER_1);
            assertThat(told.path("toTier").asText()).isEqualTo(TIER_2);
            assertThat(told.path("assignee").asText()).isEqualTo(TestUser.TEAMMATE.username);
            assertThat(told.path("reason").asText()).isEqualTo("beyond tier 1");
            assertThat(told.path("subject").asText()).isEqualTo("Needs an engineer");
            JsonNode toSupervisor = await().atMost(Duration.ofSeconds(10))
                    .until(() -> escalation(supervisor, id), found -> found != null);
            assertThat(toSupervisor.path("role").asText()).isEqualTo("SUPERVISOR");
        }
        JsonNode history = ok(call("GET", "/api/v1/tickets/" + id + "/history", TestUser.AGENT, null));
        JsonNode last = history.get(history.size() - 1);
        assertThat(List.of(
                        last.path("kind").asText(),
                        history.get(history.size() - 2).path("kind").asText()))
                .contains("ESCALATED_MANUALLY");
    }

    @Test
    void aRepeatCallersPopShowsTheirOpenTicketWithItsTierAndTimeLeft() {
        Contact customer = customer("Ada Repeat", "+49 30 5557 0321");
        long id = openTicket("Invoice twice", customer.id().value(), TestUser.TEAMMATE);

        try (Desktop agent = desktop(TestUser.AGENT)) {
            activityOf(queueCall("+493055570321", TestUser.AGENT, 1));

            JsonNode pop = agent.received("screenPop").stream()
                    .filter(received -> received.path("callerNumber").asText().equals("+493055570321"))
                    .findFirst()
                    .orElseThrow();
            JsonNode tickets = pop.path("context").path("sections").path("openTickets");
            assertThat(tickets.isArray()).as(pop.toString()).isTrue();
            JsonNode ticket = tickets.get(0);
            assertThat(ticket.path("id").asLong()).isEqualTo(id);
            assertThat(ticket.path("subject").asText()).isEqualTo("Invoice twice");
            assertThat(ticket.path("status").asText()).isEqualTo("NEW");
            assertThat(ticket.path("tier").asText()).isEqualTo(TIER_1);
            assertThat(ticket.path("nextDeadline").path("kind").asText()).isEqualTo("FIRST_RESPONSE");
            // business time left, as the desktop reads it: an ISO-8601 duration
            assertThat(ticket.path("nextDeadline").path("left").asText()).startsWith("PT");
            assertThat(ticket.path("nextDeadline").path("paused").asBoolean()).isFalse();
        }
    }

    private long openTicket(String subject, Long contact, TestUser by) {
        HttpResponse<String> opened = call(
                "POST",
                "/api/v1/tickets",
                by,
                "{\"subject\":\"" + subject + "\"" + (contact == null ? "" : ",\"contact\":" + contact) + "}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return Api.json(opened).path("id").asLong();
    }

    private Contact customer(String name, String number) {
        return teamCustomer(name, number);
    }

    private static JsonNode escalation(Desktop desktop, long ticket) {
        return desktop.received("ticketEscalated").stream()
                .filter(message -> message.path("ticket").asLong() == ticket)
                .findFirst()
                .orElse(null);
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

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(ticket -> ids.add(ticket.path("id").asLong()));
        return ids;
    }

    private static List<String> usernames(JsonNode members) {
        List<String> names = new ArrayList<>();
        members.forEach(member -> names.add(member.path("username").asText()));
        return names;
    }
}
