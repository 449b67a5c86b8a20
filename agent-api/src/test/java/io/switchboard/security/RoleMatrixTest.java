package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.activity.Activity;
import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.dnc.DncKind;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.contact.Contact;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamAdministration;
import io.switchboard.directory.UserAdministration;
import io.switchboard.directory.UserForm;
import io.switchboard.gateway.call.CallHandles;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import io.switchboard.ticket.AssignmentRule;
import io.switchboard.ticket.EscalationRequest;
import io.switchboard.ticket.Escalations;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.TicketId;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.Tickets;
import io.switchboard.ticket.TierAdministration;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The role matrix: every endpoint as every role and as nobody, with the status each must get (the same table is in
 * the README's Security section). Then the row rules behind it, through the API: who sees which contact, call and
 * activity, and who may complete a call.
 */
class RoleMatrixTest extends ApplicationOnPostgres {

    /** Who calls: nobody, a known user with a wrong password, or one of the {@link TestUser}s of each role. */
    enum Caller {
        NOBODY,
        WRONG_PASSWORD,
        AGENT,
        SUPERVISOR,
        OTHER_SUPERVISOR,
        CAMPAIGN_MANAGER,
        ADMIN
    }

    /**
     * One line of the matrix: the status for nobody, an agent, the agent's supervisor, a supervisor of another team,
     * a campaign manager and an admin; a wrong password always gets 401. The fixtures:
     * {@code {id}} of a contact is a contact the agent shares with their team, {@code {id}} of an activity is a call
     * the agent took, {@code {id}} of a ticket one the agent holds (a new one for each change); {@code {queue}} is
     * {@code support}, {@code {tier}} the third tier and {@code {username}} the other supervisor. The supervisor and
     * the agent have phones, the other supervisor, the campaign manager and the admin none.
     */
    private record Row(
            String endpoint, int nobody, int agent, int supervisor, int otherSupervisor, int manager, int admin) {

        int expected(Caller caller) {
            return switch (caller) {
                case NOBODY -> nobody;
                case WRONG_PASSWORD -> 401;
                case AGENT -> agent;
                case SUPERVISOR -> supervisor;
                case OTHER_SUPERVISOR -> otherSupervisor;
                case CAMPAIGN_MANAGER -> manager;
                case ADMIN -> admin;
            };
        }
    }

    /** A line for an endpoint that needs a login. */
    private static Row row(String endpoint, int agent, int supervisor, int otherSupervisor, int manager, int admin) {
        return new Row(endpoint, 401, agent, supervisor, otherSupervisor, manager, admin);
    }

    private static final List<Row> MATRIX = List.of(
            // endpoint, then agent, supervisor, other team's supervisor, campaign manager, admin
            row("GET /api/v1/contacts", 200, 200, 200, 200, 200),
            row("POST /api/v1/contacts", 201, 201, 201, 201, 201),
            row("GET /api/v1/contacts/{id}", 200, 200, 404, 200, 200),
            row("PUT /api/v1/contacts/{id}", 200, 200, 404, 200, 200),
            row("PATCH /api/v1/contacts/{id}", 200, 200, 404, 200, 200),
            row("DELETE /api/v1/contacts/{id}", 204, 204, 404, 204, 204),
            row("POST /api/v1/contacts/import", 403, 200, 200, 200, 200),
            // the contacts page: export a search (as import: supervisors and above), the card's duplicates, campaign
            // attempts, and a merge of a fresh contact of the agent's into another (each caller its own pair)
            row("GET /api/v1/contacts.csv", 403, 200, 200, 200, 200),
            row("GET /api/v1/contacts/{id}/duplicates", 200, 200, 404, 200, 200),
            row("GET /api/v1/contacts/{id}/campaign-attempts", 200, 200, 404, 200, 200),
            row("POST /api/v1/contacts/{id}/merge", 200, 200, 404, 200, 200),
            row("GET /api/v1/activities", 200, 200, 200, 200, 200),
            row("GET /api/v1/activities/{id}", 200, 200, 404, 200, 200),
            row("GET /api/v1/activities/disposition-codes", 200, 200, 200, 200, 200),
            row("PUT /api/v1/activities/{id}/disposition", 200, 200, 404, 403, 200),
            // tickets: {id} of a ticket is one the agent holds about their shared contact (each change a new one)
            row("POST /api/v1/tickets", 201, 201, 201, 201, 201),
            row("GET /api/v1/tickets", 200, 200, 200, 200, 200),
            row("GET /api/v1/tickets/{id}", 200, 200, 404, 200, 200),
            row("GET /api/v1/tickets/{id}/history", 200, 200, 404, 200, 200),
            // campaign managers see every contact's tickets but work on none but their own
            row("PUT /api/v1/tickets/{id}", 200, 200, 404, 403, 200),
            row("POST /api/v1/tickets/{id}/status", 200, 200, 404, 403, 200),
            row("POST /api/v1/tickets/{id}/responses", 200, 200, 404, 403, 200),
            row("POST /api/v1/tickets/{id}/assignee", 200, 200, 404, 403, 200),
            row("POST /api/v1/tickets/{id}/escalations", 200, 200, 404, 403, 200),
            row("POST /api/v1/tickets/{id}/calls", 200, 200, 404, 403, 200),
            // the ticket workbench: each view within what its role may work on
            row("GET /api/v1/tickets/workbench", 200, 200, 200, 200, 200),
            row("GET /api/v1/tickets/workbench?view=TEAM", 403, 200, 200, 403, 403),
            row("GET /api/v1/tickets/workbench?view=ALL", 403, 403, 403, 403, 200),
            row("GET /api/v1/tickets/categories", 200, 200, 200, 200, 200),
            row("GET /api/v1/tickets/categories/retired", 200, 200, 200, 200, 200),
            row("GET /api/v1/tickets/{id}/calls", 200, 200, 404, 200, 200),
            row("POST /api/v1/tickets/{id}/notes", 200, 200, 404, 403, 200),
            // {id}: a ticket the agent opened, escalated to the second tier
            row("POST /api/v1/tickets/{id}/de-escalations", 200, 200, 404, 403, 200),
            row("POST /api/v1/activities/{id}/ticket", 201, 201, 404, 201, 201),
            row("GET /api/v1/tiers", 200, 200, 200, 200, 200),
            // the knowledge base: everyone reads; agents propose drafts; supervisors and admins write and publish.
            // {id} is a published article (a fresh one for each change)
            row("GET /api/v1/kb/articles", 200, 200, 200, 200, 200),
            row("POST /api/v1/kb/articles", 201, 201, 201, 403, 201),
            row("GET /api/v1/kb/articles/{id}", 200, 200, 200, 200, 200),
            row("PUT /api/v1/kb/articles/{id}", 403, 200, 200, 403, 200),
            row("PUT /api/v1/kb/articles/{id}/status", 403, 200, 200, 403, 200),
            row("GET /api/v1/kb/articles/{id}/versions", 200, 200, 200, 200, 200),
            row("POST /api/v1/kb/articles/{id}/views", 204, 204, 204, 204, 204),
            row("POST /api/v1/kb/articles/{id}/helpful", 204, 204, 204, 204, 204),
            row("GET /api/v1/kb/suggestions", 200, 200, 200, 200, 200),
            // in this order: add a member, take them out again
            row("POST /api/v1/tiers/{tier}/members/{username}", 403, 403, 403, 403, 200),
            row("DELETE /api/v1/tiers/{tier}/members/{username}", 403, 403, 403, 403, 204),
            row("GET /api/v1/tiers/calendars", 200, 200, 200, 200, 200),
            // the tiers themselves: the admin's new tier is inactive, so escalations elsewhere are as before;
            // {tier} of a row that changes a tier is a fresh inactive one for each call
            row("POST /api/v1/tiers", 403, 403, 403, 403, 201),
            row("PUT /api/v1/tiers/{tier}", 403, 403, 403, 403, 200),
            row("PUT /api/v1/tiers/{tier}/level", 403, 403, 403, 403, 200),
            row("DELETE /api/v1/tiers/{tier}", 403, 403, 403, 403, 204),
            // the PBX's queues and their settings: supervisors read, admins change
            row("GET /api/v1/queue-settings", 403, 200, 200, 403, 200),
            row("GET /api/v1/queue-settings/{queue}", 403, 200, 200, 403, 200),
            row("PUT /api/v1/queue-settings/{queue}", 403, 403, 403, 403, 200),
            // call control of the agent's call: the agent is on none here (409 once the caller may act on it); each
            // of these rows first ends any call the agent was left on and waits until it is over (agentOnNoCall)
            row("POST /api/v1/agents/{extension}/call/transfer", 409, 409, 404, 403, 409),
            row("POST /api/v1/agents/{extension}/call/consultation", 409, 409, 404, 403, 409),
            row("POST /api/v1/agents/{extension}/call/consultation/complete", 409, 409, 404, 403, 409),
            row("DELETE /api/v1/agents/{extension}/call/consultation", 409, 409, 404, 403, 409),
            row("POST /api/v1/agents/{extension}/call/hangup", 409, 409, 404, 403, 409),
            row("GET /api/v1/calls", 200, 200, 200, 403, 200),
            row("POST /api/v1/calls", 202, 202, 400, 403, 403),
            row("GET /api/v1/agents", 403, 200, 200, 403, 200),
            row("GET /api/v1/agents/me", 200, 200, 400, 403, 403),
            // in this order: log in to a queue, pause, resume, log out
            row("POST /api/v1/agents/me/queues/{queue}", 202, 202, 400, 403, 403),
            row("POST /api/v1/agents/me/pause", 202, 202, 400, 403, 403),
            row("POST /api/v1/agents/me/resume", 202, 202, 400, 403, 403),
            // the agent is logged in to the queue now (the row above): their supervisor pauses and resumes them
            row("POST /api/v1/agents/{extension}/pause", 403, 202, 404, 403, 202),
            row("POST /api/v1/agents/{extension}/resume", 403, 202, 404, 403, 202),
            row("DELETE /api/v1/agents/me/queues/{queue}", 202, 202, 400, 403, 403),
            // logging out an agent who is not (or no longer) in the queue succeeds: the outcome is the same
            row("DELETE /api/v1/agents/{extension}/queues/{queue}", 403, 202, 404, 403, 202),
            // campaigns: {id} is a running campaign the agent works on (a fresh one for each change)
            row("GET /api/v1/campaigns", 200, 200, 200, 200, 200),
            row("POST /api/v1/campaigns", 403, 403, 403, 201, 201),
            row("GET /api/v1/campaigns/{id}", 200, 200, 200, 200, 200),
            row("PUT /api/v1/campaigns/{id}", 403, 403, 403, 200, 200),
            row("POST /api/v1/campaigns/{id}/start", 403, 403, 403, 200, 200),
            row("POST /api/v1/campaigns/{id}/pause", 403, 403, 403, 200, 200),
            row("POST /api/v1/campaigns/{id}/finish", 403, 403, 403, 200, 200),
            row("GET /api/v1/campaigns/{id}/progress", 403, 200, 200, 200, 200),
            row("POST /api/v1/campaigns/{id}/leads", 403, 403, 403, 202, 202),
            row("GET /api/v1/campaigns/{id}/imports", 403, 200, 200, 200, 200),
            row("GET /api/v1/campaigns/{id}/imports/{importId}", 403, 200, 200, 200, 200),
            row("GET /api/v1/campaigns/{id}/imports/{importId}/rejections", 403, 200, 200, 200, 200),
            row("GET /api/v1/campaigns/{id}/results.csv", 403, 200, 200, 200, 200),
            row("GET /api/v1/campaigns/{id}/dnc", 403, 200, 200, 200, 200),
            row("POST /api/v1/campaigns/{id}/dnc", 403, 403, 403, 201, 201),
            row("GET /api/v1/dnc", 403, 200, 200, 200, 200),
            row("POST /api/v1/dnc", 403, 403, 403, 201, 201),
            row("DELETE /api/v1/dnc/{entryId}", 403, 403, 403, 204, 204),
            // the agent takes a lead of their campaign; the others are not assigned to it
            row("POST /api/v1/campaigns/{id}/preview", 200, 403, 403, 403, 403),
            // a call that is no campaign call, an attempt nobody previewed
            row("GET /api/v1/campaign-calls/{callId}", 404, 404, 404, 403, 404),
            row("POST /api/v1/campaign-attempts/{attemptId}/disposition", 404, 404, 404, 403, 404),
            row("POST /api/v1/campaign-attempts/{attemptId}/dial", 404, 404, 400, 403, 403),
            row("GET /api/v1/queues", 200, 200, 200, 200, 200),
            row("GET /api/v1/queues/timeline", 200, 200, 200, 200, 200),
            row("POST /api/v1/cti/token", 200, 200, 200, 200, 200),
            row("GET /api/v1/openapi", 200, 200, 200, 200, 200),
            // the Swagger UI: a redirect to its page under /api/v1/swagger-ui/ (SwaggerUiTest loads it and its assets)
            row("GET /api/v1/docs.html", 302, 302, 302, 302, 302),
            // administration, admins only: {username} is a user of its own, {id} of a team a new empty team
            row("GET /api/v1/users", 403, 403, 403, 403, 200),
            row("POST /api/v1/users", 403, 403, 403, 403, 201),
            row("GET /api/v1/users/{username}", 403, 403, 403, 403, 200),
            row("PUT /api/v1/users/{username}", 403, 403, 403, 403, 200),
            row("POST /api/v1/users/{username}/password", 403, 403, 403, 403, 200),
            row("POST /api/v1/users/{username}/deactivate", 403, 403, 403, 403, 200),
            row("POST /api/v1/users/{username}/reactivate", 403, 403, 403, 403, 200),
            row("POST /api/v1/users/import", 403, 403, 403, 403, 200),
            row("GET /api/v1/users.csv", 403, 403, 403, 403, 200),
            row("GET /api/v1/teams", 403, 403, 403, 403, 200),
            row("POST /api/v1/teams", 403, 403, 403, 403, 201),
            row("PUT /api/v1/teams/{id}", 403, 403, 403, 403, 200),
            row("PUT /api/v1/teams/{id}/queues", 403, 403, 403, 403, 200),
            row("PUT /api/v1/teams/{id}/supervisors", 403, 403, 403, 403, 200),
            row("DELETE /api/v1/teams/{id}", 403, 403, 403, 403, 204),
            row("GET /api/v1/audit", 403, 403, 403, 403, 200),
            row("GET /api/v1/audit.csv", 403, 403, 403, 403, 200),
            // call history (a supervisor their team's calls; {id} is the agent's call) and interval reports
            row("GET /api/v1/reports/calls", 403, 200, 200, 403, 200),
            row("GET /api/v1/reports/calls/{id}", 403, 200, 404, 403, 200),
            row("GET /api/v1/reports/calls.csv", 403, 200, 200, 403, 200),
            row("GET /api/v1/reports/intervals", 403, 200, 200, 403, 200),
            row("GET /api/v1/reports/intervals.csv", 403, 200, 200, 403, 200),
            // scheduled reports: each supervisor's own subscriptions; {id} is a fresh one of the agent's supervisor
            row("GET /api/v1/reports/subscriptions", 403, 200, 200, 403, 200),
            row("POST /api/v1/reports/subscriptions", 403, 201, 201, 403, 201),
            row("DELETE /api/v1/reports/subscriptions/{id}", 403, 204, 404, 403, 204),
            // the admins' command to recount the interval reports' rollup (one day here)
            row("POST /api/v1/reports/rollup/rebuild?from=2024-01-01&to=2024-01-01", 403, 403, 403, 403, 200),
            // agent sessions (an agent their own, a supervisor their team's) and campaign reports
            row("GET /api/v1/reports/agent-sessions", 200, 200, 200, 403, 200),
            row("GET /api/v1/reports/agent-sessions.csv", 200, 200, 200, 403, 200),
            row("GET /api/v1/reports/campaigns", 403, 200, 200, 200, 200),
            row("GET /api/v1/reports/campaigns.csv", 403, 200, 200, 200, 200),
            // every user changes their own password; a wrong current one is 400, naming the field
            row("POST /api/v1/me/password", 400, 400, 400, 400, 400),
            // admins see and lift lockouts
            row("GET /api/v1/logins/locked", 403, 403, 403, 403, 200),
            row("POST /api/v1/logins/{username}/unlock", 403, 403, 403, 403, 204),
            // backups, admins only: the test application runs on PostgreSQL without pg_dump configured, so taking one
            // is a 409 that says what to set (H2BackupTest and BackupRestoreTest take real ones)
            row("GET /api/v1/backups", 403, 403, 403, 403, 200),
            row("POST /api/v1/backups", 403, 403, 403, 403, 409),
            // anything under /api not listed above is refused, whoever asks
            row("GET /api/v1/nothing-here", 403, 403, 403, 403, 403),
            // load balancers ask without logging in
            new Row("GET /actuator/health", 200, 200, 200, 200, 200, 200),
            row("GET /actuator/prometheus", 403, 403, 403, 403, 200),
            row("GET /actuator/metrics", 403, 403, 403, 403, 200));

    private static final String CSV_HEADER = "name,company,email,phone,phone_type,tags,owner,notes\n";

    static Stream<Arguments> matrix() {
        return MATRIX.stream()
                .flatMap(row -> Stream.of(Caller.values())
                        .map(caller -> Arguments.of(row.endpoint(), caller, row.expected(caller))));
    }

    /** The user the administration rows work on, so no other fixture changes under another test. */
    private static final String ADMINISTERED = "rm-administered";

    @Autowired
    Contacts contacts;

    @Autowired
    TeamAdministration teamAdministration;

    @Autowired
    UserAdministration userAdministration;

    private final java.util.concurrent.atomic.AtomicInteger teamNumber =
            new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    Tickets tickets;

    @Autowired
    Escalations escalations;

    @Autowired
    SupportTiers tiers;

    @Autowired
    TierAdministration tierAdministration;

    private final java.util.concurrent.atomic.AtomicInteger tierNumber =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The agent's contact, shared with their team. */
    long agentsContact;

    /** A call the agent took. */
    long agentsActivity;

    /** The PBX's id of that call. */
    String agentsCallId;

    /** A ticket the agent opened and holds, about their shared contact. */
    long agentsTicket;

    private final java.util.concurrent.atomic.AtomicInteger campaignNumber =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A running preview campaign the agent works on, with leads. */
    long agentsCampaign;

    /** A list import into that campaign with one rejected row. */
    long campaignImport;

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadImports leadImports;

    @Autowired
    DoNotCall doNotCall;

    @Autowired
    CallHandles callHandles;

    @Autowired
    io.switchboard.reportmail.ReportSubscriptions reportSubscriptions;

    @Autowired
    PbxCommands pbxCommands;

    @BeforeAll
    void aContactAndACallOfTheAgent() {
        if (directory.findByUsername(ADMINISTERED).isEmpty()) {
            userAdministration.create(
                    new UserForm(ADMINISTERED, null, Role.AGENT, null, null, null, true),
                    user(TestUser.ADMIN).viewer());
        }
        agentsContact = contactOf(TestUser.AGENT, Visibility.TEAM, "Agent's customer")
                .id()
                .value();
        Activity agentsCall = activityOf(queueCall("+493055570001", TestUser.AGENT, 2));
        agentsActivity = agentsCall.id().value();
        agentsCallId = agentsCall.callId();
        // the agent and their teammate staff the first tier
        tiers.addMember(tiers.first().name(), user(TestUser.AGENT).id());
        tiers.addMember(tiers.first().name(), user(TestUser.TEAMMATE).id());
        agentsTicket = ticketOfTheAgent("Agent's ticket");
        agentsCampaign = campaign("Agent's campaign", true);
        // leads to preview, and an import with a rejected row to read
        campaignImport = leadImports
                .importCsv(
                        new CampaignId(agentsCampaign),
                        "rm.csv",
                        new StringReader("number,name\n+49 30 5557 2001,Ann\n+49 30 5557 2002,Ben\nnot a number,Bad\n"
                                + "+49 30 5557 2003,Cy\n+49 30 5557 2004,Di\n+49 30 5557 2005,Ed\n"),
                        LeadImportOptions.of(LeadColumns.of("number", "name")),
                        user(TestUser.CAMPAIGN_MANAGER).viewer())
                .id();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryCallerAsTheMatrixSays(String endpoint, Caller caller, int expected) {
        if (endpoint.contains("/agents/{extension}/call")) {
            agentOnNoCall();
        }
        HttpResponse<String> response = request(endpoint, caller);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Api.json(response).path("status").asInt()).isEqualTo(expected);
        }
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"switchboard\"");
        }
    }

    @Test
    void theOpenApiDocumentListsExactlyTheApiOperationsOfTheMatrix() {
        HttpResponse<String> response = call("GET", "/api/v1/openapi", TestUser.AGENT, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode document = Api.json(response);
        assertThat(document.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> inMatrix = new TreeSet<>();
        MATRIX.stream()
                .map(Row::endpoint)
                // rows of one operation with different parameters (the workbench's views) are one operation
                .map(endpoint -> endpoint.replaceAll("\\?.*", ""))
                .filter(endpoint -> endpoint.contains(" /api/v1/"))
                .filter(endpoint -> !Set.of("GET /api/v1/openapi", "GET /api/v1/docs.html", "GET /api/v1/nothing-here")
                        .contains(endpoint))
                .forEach(inMatrix::add);
        assertThat(documented).isEqualTo(inMatrix);
        assertThat(call("GET", "/api/v1/docs.html", TestUser.AGENT, null)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/swagger-ui/"));
    }

    @Test
    void anAgentCannotReadATeammatesPrivateContactButTheirSupervisorCan() {
        Contact secret = contactOf(TestUser.TEAMMATE, Visibility.PRIVATE, "Teammate's private customer");
        String path = "/api/v1/contacts/" + secret.id().value();

        assertThat(call("GET", path, TestUser.AGENT, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/contacts?q=teammate's+private", TestUser.AGENT, null)
                        .body())
                .doesNotContain("Teammate's private customer");
        assertThat(call("PUT", path, TestUser.AGENT, "{\"name\":\"Taken\"}").statusCode())
                .isEqualTo(404);
        assertThat(call("GET", path, TestUser.TEAMMATE, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", path, TestUser.SUPERVISOR, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/contacts?q=teammate's+private", TestUser.SUPERVISOR, null)
                        .body())
                .contains("Teammate's private customer");
        assertThat(call("GET", path, TestUser.OTHER_SUPERVISOR, null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", path, TestUser.CAMPAIGN_MANAGER, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAgentMayEditButNotDeleteATeammatesSharedContact() {
        Contact shared = contactOf(TestUser.TEAMMATE, Visibility.TEAM, "Teammate's shared customer");
        String path = "/api/v1/contacts/" + shared.id().value();

        assertThat(call("DELETE", path, TestUser.AGENT, null).statusCode()).isEqualTo(403);
        assertThat(call("PUT", path, TestUser.AGENT, "{\"name\":\"Teammate's shared customer, Ltd\",\"version\":0}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("DELETE", path, TestUser.SUPERVISOR, null).statusCode()).isEqualTo(204);
    }

    @Test
    void editingSomeoneElsesContactKeepsItsOwnerAndVisibility() {
        Contact secret = contactOf(TestUser.AGENT, Visibility.PRIVATE, "Agent's private customer");
        String path = "/api/v1/contacts/" + secret.id().value();

        HttpResponse<String> edited =
                call("PUT", path, TestUser.SUPERVISOR, "{\"name\":\"Agent's private client\",\"version\":0}");

        assertThat(edited.statusCode()).isEqualTo(200);
        JsonNode contact = Api.json(edited);
        assertThat(contact.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(contact.path("owner").asLong())
                .isEqualTo(user(TestUser.AGENT).id().value());
        assertThat(call("GET", path, TestUser.AGENT, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", path, TestUser.TEAMMATE, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anAgentSeesATeammatesCallOnlyWithASharedCustomerAndCannotCompleteIt() {
        Contact customer = contacts.create(new NewContact(
                "Company-wide customer",
                null,
                null,
                null,
                null,
                Visibility.COMPANY,
                Set.of(),
                null,
                List.of(new NewPhone(PhoneType.WORK, "+49 89 5550 7001"))));
        CompletableFuture<SimulatedCall> withCustomer = queueCall("+498955507001", TestUser.TEAMMATE, 2);
        CompletableFuture<SimulatedCall> withStranger = queueCall("+493055570002", TestUser.TEAMMATE, 2);
        Activity customerCall = activityOf(withCustomer);
        Activity strangerCall = activityOf(withStranger);
        assertThat(customerCall.contact()).isEqualTo(customer.id());
        String customerPath = "/api/v1/activities/" + customerCall.id().value();
        String strangerPath = "/api/v1/activities/" + strangerCall.id().value();
        String resolved = "{\"code\":\"RESOLVED\"}";

        assertThat(call("GET", customerPath, TestUser.AGENT, null).statusCode()).isEqualTo(200);
        assertThat(call("PUT", customerPath + "/disposition", TestUser.AGENT, resolved)
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("GET", strangerPath, TestUser.AGENT, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", strangerPath + "/disposition", TestUser.AGENT, resolved)
                        .statusCode())
                .isEqualTo(404);
        assertThat(callIds(call("GET", "/api/v1/activities?size=200", TestUser.AGENT, null)))
                .contains(customerCall.callId())
                .doesNotContain(strangerCall.callId());

        assertThat(call("PUT", strangerPath + "/disposition", TestUser.SUPERVISOR, resolved)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("PUT", customerPath + "/disposition", TestUser.TEAMMATE, resolved)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", strangerPath, TestUser.OTHER_SUPERVISOR, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void callsInProgressAreListedForTheirAgentTheTeamsSupervisorAndAdmins() {
        // long calls: they are still going while the lists are read
        CompletableFuture<SimulatedCall> agents = queueCall("+493055570011", TestUser.AGENT, 600);
        CompletableFuture<SimulatedCall> teammates = queueCall("+493055570012", TestUser.TEAMMATE, 600);
        // an admin sees a call from its start; its agent only once their phone rings for it
        await().atMost(Duration.ofSeconds(15))
                .until(() -> liveCallers(TestUser.ADMIN).containsAll(List.of("+493055570011", "+493055570012"))
                        && liveCallers(TestUser.AGENT).contains("+493055570011")
                        && liveCallers(TestUser.TEAMMATE).contains("+493055570012"));

        assertThat(liveCallers(TestUser.AGENT)).contains("+493055570011").doesNotContain("+493055570012");
        assertThat(liveCalls(TestUser.AGENT))
                .allSatisfy(call -> assertThat(involves(call, TestUser.AGENT.extension))
                        .as(call.toString())
                        .isTrue());
        assertThat(liveCallers(TestUser.TEAMMATE)).contains("+493055570012").doesNotContain("+493055570011");
        assertThat(liveCallers(TestUser.SUPERVISOR)).contains("+493055570011", "+493055570012");
        assertThat(liveCallers(TestUser.OTHER_SUPERVISOR)).doesNotContain("+493055570011", "+493055570012");
        assertThat(agents).isNotDone();
        assertThat(teammates).isNotDone();

        // and hung up from Switchboard: the agent's by their supervisor, the teammate's by the teammate
        String agentsCall = "/api/v1/agents/" + TestUser.AGENT.extension + "/call/hangup";
        assertThat(call("POST", agentsCall, TestUser.OTHER_SUPERVISOR, null).statusCode())
                .isEqualTo(404);
        assertThat(call("POST", agentsCall, TestUser.TEAMMATE, null).statusCode())
                .isEqualTo(404);
        // 409 until the agent's phone has answered and joined the caller (the lists above show ringing calls too)
        assertThat(hangUpOnceAnswered(agentsCall, TestUser.SUPERVISOR)).isEqualTo(202);
        assertThat(hangUpOnceAnswered("/api/v1/agents/me/call/hangup", TestUser.TEAMMATE))
                .isEqualTo(202);
        assertThat(activityOf(agents).agentExtension()).isEqualTo(TestUser.AGENT.extension);
        assertThat(activityOf(teammates).talkSeconds()).isLessThan(600);
    }

    /**
     * The call-control rows are about an idle agent (409): whatever call another test (or an earlier row, such as
     * click-to-dial's) left the agent on is hung up through the PBX, and the row waits for the proof that it is
     * over: no call handle for the agent and no live call with them on it. Any order of tests gives the same rows.
     */
    private void agentOnNoCall() {
        String agent = TestUser.AGENT.extension;
        Set<String> hungUp = new HashSet<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    callHandles
                            .ofAgent(agent)
                            .filter(handle -> hungUp.add(handle.customerChannel()))
                            .ifPresent(handle -> pbxCommands.hangup(handle.customerChannel()));
                    return callHandles.ofAgent(agent).isEmpty()
                            && liveCalls(TestUser.ADMIN).stream().noneMatch(call -> involves(call, agent));
                });
    }

    private int hangUpOnceAnswered(String path, TestUser user) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> call("POST", path, user, null).statusCode(), status -> status != 409);
    }

    @Test
    void callControlRefusesABadTargetNamingTheField() {
        String transfer = "/api/v1/agents/me/call/transfer";
        HttpResponse<String> both =
                call("POST", transfer, TestUser.AGENT, "{\"queue\":\"sales\",\"extension\":\"2001\"}");
        HttpResponse<String> neither = call("POST", transfer, TestUser.AGENT, "{}");
        HttpResponse<String> letters = call("POST", transfer, TestUser.AGENT, "{\"extension\":\"20a1\"}");
        HttpResponse<String> queueConsulted =
                call("POST", "/api/v1/agents/me/call/consultation", TestUser.AGENT, "{\"extension\":\"sales\"}");

        for (HttpResponse<String> response : List.of(both, neither, letters, queueConsulted)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        }
        assertThat(Api.json(both).path("detail").asText()).contains("target must be either queue or extension");
        assertThat(Api.json(neither).path("detail").asText()).contains("target");
        assertThat(Api.json(letters).path("detail").asText()).contains("extension must be an extension");
        assertThat(Api.json(queueConsulted).path("detail").asText()).contains("extension");
    }

    @Test
    void supervisorsSeeTheAgentStatesOfTheirTeamOnly() {
        assertThat(call("POST", "/api/v1/agents/me/queues/sales", TestUser.TEAMMATE, null)
                        .statusCode())
                .isEqualTo(202);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            extensions("/api/v1/agents", TestUser.SUPERVISOR).contains(TestUser.TEAMMATE.extension));

            assertThat(extensions("/api/v1/agents", TestUser.ADMIN)).contains(TestUser.TEAMMATE.extension);
            assertThat(extensions("/api/v1/agents", TestUser.OTHER_SUPERVISOR))
                    .doesNotContain(TestUser.TEAMMATE.extension);
            assertThat(extensions("/api/v1/agents/me", TestUser.TEAMMATE)).containsOnly(TestUser.TEAMMATE.extension);
            assertThat(extensions("/api/v1/agents/me", TestUser.AGENT)).doesNotContain(TestUser.TEAMMATE.extension);
        } finally {
            call("DELETE", "/api/v1/agents/me/queues/sales", TestUser.TEAMMATE, null);
        }
    }

    @Test
    void aBrowserSessionChangesThingsOnlyWithTheCsrfTokenFromItsCookie() {
        Api browser = Api.browser(port);
        HttpResponse<String> loginPage = browser.call("GET", "/login", null, null, null);
        String formToken =
                loginPage.body().replaceAll("(?s).*<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = browser.send(browser.request("POST", "/login", null, null, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + TestUser.AGENT.username + "&password="
                        + TestUser.PASSWORD + "&_csrf=" + formToken)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        assertThat(browser.call("GET", "/api/v1/agents/me", null, null, null).statusCode())
                .isEqualTo(200);
        String token = browser.cookie("XSRF-TOKEN").orElseThrow();
        HttpResponse<String> forged = browser.call("POST", "/api/v1/contacts", null, null, "{\"name\":\"Forged\"}");
        HttpResponse<String> genuine =
                browser.send(browser.request("POST", "/api/v1/contacts", null, null, "{\"name\":\"From the desktop\"}")
                        .header("X-XSRF-TOKEN", token));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Api.json(forged).path("detail").asText()).contains("CSRF");
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(201);
    }

    @Test
    void aCrossSiteRequestCarryingBasicCredentialsNeedsTheCsrfTokenToo() {
        // a browser that once answered the Basic prompt sends the credentials along with another site's form post
        HttpResponse<String> crossSite = api.send(api.request(
                        "POST", "/api/v1/contacts", TestUser.AGENT.username, TestUser.PASSWORD, "{\"name\":\"Forged\"}")
                .header("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> sameOrigin = api.send(api.request(
                        "POST", "/api/v1/contacts", TestUser.AGENT.username, TestUser.PASSWORD, "{\"name\":\"Same\"}")
                .header("Sec-Fetch-Site", "same-origin"));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(Api.json(crossSite).path("detail").asText()).contains("CSRF");
        assertThat(sameOrigin.statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> request(String endpoint, Caller caller) {
        String user = switch (caller) {
            case NOBODY -> null;
            case WRONG_PASSWORD -> TestUser.AGENT.username;
            default -> TestUser.valueOf(caller.name()).username;
        };
        String password = caller == Caller.WRONG_PASSWORD ? "wrong-" + TestUser.PASSWORD : TestUser.PASSWORD;
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{id}", Long.toString(idFor(endpoint)))
                .replace("/api/v1/users/{username}", "/api/v1/users/" + ADMINISTERED)
                .replace("{queue}", "support")
                .replace("{extension}", TestUser.AGENT.extension)
                .replace(
                        "{tier}",
                        endpoint.matches("(PUT|DELETE) /api/v1/tiers/\\{tier}(/level)?")
                                ? newTier().replace(" ", "%20")
                                : "Tier%203")
                .replace("{username}", TestUser.OTHER_SUPERVISOR.username)
                .replace("{importId}", Long.toString(campaignImport))
                .replace("{entryId}", endpoint.startsWith("DELETE /api/v1/dnc/") ? Long.toString(dncEntry()) : "0")
                .replace("{callId}", "rm-no-campaign-call")
                .replace("{attemptId}", "987654321");
        if (endpoint.equals("POST /api/v1/campaigns/{id}/leads")) {
            return api.upload(
                    path, user, password, "leads.csv", "number,name\n+49 30 5557 1001,Lead of " + caller + "\n");
        }
        if (endpoint.equals("POST /api/v1/users/import")) {
            return api.upload(
                    path,
                    user,
                    password,
                    "users.csv",
                    "username,name,role\nrm-imported-" + caller.name().toLowerCase() + ",Imported,AGENT\n");
        }
        if (endpoint.equals("POST /api/v1/contacts/import")) {
            return api.upload(
                    path, user, password, "contacts.csv", CSV_HEADER + "Imported by " + caller + ",RM,,,,,,\n");
        }
        if (method.equals("PATCH")) {
            return api.send(api.request(method, path, user, password, null)
                    .header("Content-Type", "application/merge-patch+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(bodyFor(endpoint, caller))));
        }
        return api.call(method, path, user, password, bodyFor(endpoint, caller));
    }

    /** A fresh inactive tier without tickets, for the rows that change or delete one. */
    private String newTier() {
        return tierAdministration
                .create(
                        new TierAdministration.TierForm(
                                "RM tier " + tierNumber.incrementAndGet(), AssignmentRule.QUEUE, false, null),
                        user(TestUser.ADMIN).viewer())
                .name();
    }

    /** Each edit and delete works on a contact of its own, so the rows do not depend on each other. */
    private long idFor(String endpoint) {
        if (endpoint.startsWith("DELETE /api/v1/reports/subscriptions/")) {
            return reportSubscriptions
                    .subscribe(
                            user(TestUser.SUPERVISOR).viewer(),
                            io.switchboard.reportmail.ReportKind.CALLS,
                            io.switchboard.reportmail.Frequency.DAILY,
                            java.time.LocalTime.of(6, 0),
                            null,
                            "rm-supervisor@example.com",
                            java.util.Map.of())
                    .id();
        }
        if (endpoint.contains("/api/v1/kb/articles/")) {
            return publishedArticle();
        }
        if (endpoint.contains("/api/v1/teams/")) {
            return teamAdministration
                    .create(
                            "RM empty team " + teamNumber.incrementAndGet(),
                            user(TestUser.ADMIN).viewer())
                    .id();
        }
        if (endpoint.contains("/api/v1/campaigns/{id}")) {
            return switch (endpoint) {
                case "PUT /api/v1/campaigns/{id}",
                        "POST /api/v1/campaigns/{id}/start",
                        "POST /api/v1/campaigns/{id}/finish" -> campaign("Draft to change", false);
                case "POST /api/v1/campaigns/{id}/pause" -> campaign("Running to pause", true);
                default -> agentsCampaign;
            };
        }
        if (endpoint.startsWith("GET /api/v1/tickets/")) {
            return agentsTicket;
        }
        if (endpoint.equals("POST /api/v1/tickets/{id}/de-escalations")) {
            long ticket = ticketOfTheAgent("Agent's ticket to send back");
            escalations.escalate(
                    new TicketId(ticket),
                    EscalationRequest.toNextTier("for the role matrix"),
                    user(TestUser.ADMIN).viewer());
            return ticket;
        }
        if (endpoint.contains("/api/v1/tickets/")) {
            return ticketOfTheAgent("Agent's ticket to change");
        }
        if (endpoint.startsWith("GET /api/v1/contacts/")) {
            return agentsContact;
        }
        if (endpoint.contains("/api/v1/contacts/")) {
            return contactOf(TestUser.AGENT, Visibility.TEAM, "Agent's customer to change")
                    .id()
                    .value();
        }
        return agentsActivity;
    }

    /** A published article of the admin's, fresh for each row. */
    private long publishedArticle() {
        HttpResponse<String> created = call(
                "POST",
                "/api/v1/kb/articles",
                TestUser.ADMIN,
                "{\"title\":\"RM article\",\"body\":\"For the *role matrix*.\",\"status\":\"PUBLISHED\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).path("id").asLong();
    }

    private String bodyFor(String endpoint, Caller caller) {
        return switch (endpoint) {
            case "POST /api/v1/kb/articles" -> "{\"title\":\"Proposed by " + caller + "\",\"body\":\"Text.\"}";
            case "PUT /api/v1/kb/articles/{id}" ->
                "{\"title\":\"Changed by " + caller + "\",\"body\":\"Text.\",\"version\":1}";
            case "PUT /api/v1/kb/articles/{id}/status" -> "{\"status\":\"DRAFT\"}";
            case "POST /api/v1/contacts" -> "{\"name\":\"Created by " + caller + "\"}";
            case "POST /api/v1/users" ->
                "{\"username\":\"rm-created-by-" + caller.name().toLowerCase() + "\",\"role\":\"AGENT\"}";
            case "PUT /api/v1/users/{username}" ->
                "{\"displayName\":\"Edited by " + caller + "\",\"role\":\"AGENT\",\"team\":\"" + TestUser.SUPPORT
                        + "\"}";
            case "POST /api/v1/users/{username}/password" -> "{\"password\":\"temporary-" + caller + "\"}";
            case "POST /api/v1/teams" -> "{\"name\":\"RM team by " + caller + "\"}";
            case "POST /api/v1/tiers" -> "{\"name\":\"RM tier by " + caller + "\",\"active\":false}";
            case "PUT /api/v1/tiers/{tier}" ->
                "{\"name\":\"RM tier renamed by " + caller + " " + tierNumber.incrementAndGet()
                        + "\",\"active\":false}";
            case "PUT /api/v1/tiers/{tier}/level" -> "{\"level\":" + tiers.all().size() + "}";
            case "PUT /api/v1/queue-settings/{queue}" -> "{}";
            case "PUT /api/v1/teams/{id}" ->
                "{\"name\":\"RM renamed by " + caller + " " + teamNumber.incrementAndGet() + "\"}";
            case "PUT /api/v1/teams/{id}/queues" -> "{\"queues\":[\"support\",\"sales\"]}";
            // an empty team of its own: the supervisor of another team looks after it, seeing nothing more
            case "PUT /api/v1/teams/{id}/supervisors" ->
                "{\"supervisors\":[\"" + TestUser.OTHER_SUPERVISOR.username + "\"]}";
            case "POST /api/v1/me/password" -> "{\"currentPassword\":\"wrong\",\"newPassword\":\"a-new-password\"}";
            case "POST /api/v1/reports/subscriptions" ->
                "{\"report\":\"calls\",\"frequency\":\"daily\",\"at\":\"06:00\",\"email\":\"rm@example.com\"}";
            case "POST /api/v1/agents/{extension}/call/transfer" -> "{\"queue\":\"sales\"}";
            case "POST /api/v1/agents/{extension}/call/consultation" ->
                "{\"extension\":\"" + TestUser.TEAMMATE.extension + "\"}";
            // a new contact for each edit: version 0
            case "PUT /api/v1/contacts/{id}" -> "{\"name\":\"Renamed by " + caller + "\",\"version\":0}";
            case "PATCH /api/v1/contacts/{id}" -> "{\"notes\":\"Noted by " + caller + "\"}";
            case "POST /api/v1/contacts/{id}/merge" ->
                "{\"other\":"
                        + contactOf(TestUser.AGENT, Visibility.TEAM, "Agent's duplicate")
                                .id()
                                .value() + ",\"version\":0,\"otherVersion\":0}";
            case "PUT /api/v1/activities/{id}/disposition" ->
                "{\"code\":\"RESOLVED\",\"notes\":\"closed by " + caller + "\"}";
            case "POST /api/v1/calls" -> "{\"number\":\"+49 30 555 0100\"}";
            case "POST /api/v1/agents/me/pause", "POST /api/v1/agents/{extension}/pause" -> "{\"reason\":\"lunch\"}";
            case "POST /api/v1/tickets" -> "{\"subject\":\"Opened by " + caller + "\"}";
            case "POST /api/v1/activities/{id}/ticket" -> "{\"subject\":\"About the call, by " + caller + "\"}";
            case "PUT /api/v1/tickets/{id}" -> "{\"subject\":\"Renamed by " + caller + "\"}";
            case "POST /api/v1/tickets/{id}/status" -> "{\"status\":\"OPEN\",\"reason\":\"on it\"}";
            case "POST /api/v1/tickets/{id}/responses" -> "{\"note\":\"called back by " + caller + "\"}";
            // back to the tier's queue: an agent may give back their own
            case "POST /api/v1/tickets/{id}/assignee" -> "{\"username\":null,\"reason\":\"off sick\"}";
            case "POST /api/v1/tickets/{id}/escalations" -> "{\"reason\":\"needs an engineer\"}";
            case "POST /api/v1/tickets/{id}/notes" -> "{\"note\":\"noted by " + caller + "\"}";
            case "POST /api/v1/tickets/{id}/de-escalations" -> "{\"reason\":\"tier 1 can do it\"}";
            // a call the agent took: the agent, their supervisor, campaign managers and admins see it
            case "POST /api/v1/tickets/{id}/calls" -> "{\"callId\":\"" + agentsCallId + "\"}";
            case "POST /api/v1/campaigns" ->
                "{\"name\":\"Campaign by " + caller + "\",\"dialMode\":\"PREVIEW\",\"queue\":\"rm-campaign\"}";
            case "PUT /api/v1/campaigns/{id}" ->
                "{\"name\":\"Campaign changed by " + caller + "\",\"dialMode\":\"PREVIEW\",\"queue\":\"rm-campaign\"}";
            case "POST /api/v1/dnc", "POST /api/v1/campaigns/{id}/dnc" ->
                "{\"kind\":\"PREFIX\",\"value\":\"+1900\",\"reason\":\"premium rate\"}";
            case "POST /api/v1/campaign-attempts/{attemptId}/disposition" -> "{\"code\":\"SALE\"}";
            default -> null;
        };
    }

    /** A preview campaign on its own queue that the agent works on, running or still a draft. */
    private long campaign(String name, boolean running) {
        DirectoryUser manager = user(TestUser.CAMPAIGN_MANAGER);
        Campaign campaign = campaigns.create(
                CampaignSettings.defaults(name + " " + campaignNumber.incrementAndGet(), "rm-campaign")
                        .withDialMode(DialMode.PREVIEW)
                        .withAgents(Set.of(user(TestUser.AGENT).id()))
                        .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of())),
                manager.viewer());
        return (running ? campaigns.start(campaign.id(), manager.viewer()).id() : campaign.id()).value();
    }

    private long dncEntry() {
        return doNotCall
                .add(
                        null,
                        DncKind.NUMBER,
                        "+493055579999",
                        "to be removed",
                        user(TestUser.CAMPAIGN_MANAGER).viewer())
                .id();
    }

    private long ticketOfTheAgent(String subject) {
        return tickets.open(
                        new NewTicket(
                                subject,
                                null,
                                TicketPriority.NORMAL,
                                new ContactId(agentsContact),
                                null,
                                user(TestUser.AGENT).id(),
                                null),
                        user(TestUser.AGENT).viewer())
                .id()
                .value();
    }

    private Contact contactOf(TestUser owner, Visibility visibility, String name) {
        return contacts.create(
                new NewContact(name, null, null, user(owner).id(), null, visibility, Set.of(), null, List.of()));
    }

    private List<JsonNode> liveCalls(TestUser user) {
        HttpResponse<String> response = call("GET", "/api/v1/calls", user, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return StreamSupport.stream(Api.json(response).spliterator(), false).toList();
    }

    private List<String> liveCallers(TestUser user) {
        return liveCalls(user).stream()
                .map(call -> call.path("callerNumber").asText())
                .toList();
    }

    private static boolean involves(JsonNode call, String extension) {
        if (extension.equals(call.path("agent").asText())) {
            return true;
        }
        return StreamSupport.stream(call.path("ringing").spliterator(), false)
                .anyMatch(ringing -> extension.equals(ringing.asText()));
    }

    private List<String> callIds(HttpResponse<String> page) {
        List<String> ids = new ArrayList<>();
        Api.json(page)
                .path("items")
                .forEach(activity -> ids.add(activity.path("callId").asText()));
        return ids;
    }

    private List<String> extensions(String path, TestUser user) {
        HttpResponse<String> response = call("GET", path, user, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> extensions = new ArrayList<>();
        Api.json(response)
                .forEach(agent -> extensions.add(agent.path("extension").asText()));
        return extensions;
    }
}
