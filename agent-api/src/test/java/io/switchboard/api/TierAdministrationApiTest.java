package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Admins administer the tiers themselves over the API: create with an SLA policy, rename, reorder, refuse to delete a
 * tier with tickets, deactivate; every change in the audit log. The test leaves its tier deactivated, so the other
 * tests' tiers escalate as before.
 */
class TierAdministrationApiTest extends ApplicationOnPostgres {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminCreatesATierWithItsOwnSlaAndItsTicketsUseIt() {
        String name = "Tier Admin " + System.nanoTime() % 100_000;
        HttpResponse<String> created = call(
                "POST",
                "/api/v1/tiers",
                TestUser.ADMIN,
                "{\"name\": \"" + name + "\", \"assignment\": \"QUEUE\", \"sla\": {\"firstResponse\": \"PT1H\","
                        + " \"nextUpdate\": \"PT2H\", \"resolution\": \"PT8H\", \"calendar\": \"default\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.json(created).path("sla").path("firstResponse").asText()).isEqualTo("PT1H");
        List<String> names = names();
        assertThat(names.get(names.size() - 1)).isEqualTo(name);

        // a ticket opened in the tier runs on the tier's policy: 1 h to the first response, not NORMAL's 4 h
        HttpResponse<String> opened = call(
                "POST",
                "/api/v1/tickets",
                TestUser.ADMIN,
                "{\"subject\": \"Tier SLA\", \"priority\": \"NORMAL\", \"tier\": \"" + name + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode ticket = Api.json(opened);
        long id = ticket.path("id").asLong();
        assertThat(ticket.path("slaPolicy").asText()).isEqualTo("TIER/" + name);
        assertThat(firstResponseTarget(ticket)).isEqualTo("PT1H");

        // renamed: its ticket follows
        String renamed = name + " renamed";
        HttpResponse<String> rename = call(
                "PUT",
                "/api/v1/tiers/" + encode(name),
                TestUser.ADMIN,
                "{\"name\": \"" + renamed
                        + "\", \"assignment\": \"LEAST_LOADED\", \"sla\": {\"firstResponse\": \"PT1H\","
                        + " \"resolution\": \"PT8H\"}}");
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(200);
        assertThat(Api.json(call("GET", "/api/v1/tickets/" + id, TestUser.ADMIN, null))
                        .path("tier")
                        .asText())
                .isEqualTo(renamed);

        // reordered to second place, then back to the end
        int last = names().size();
        HttpResponse<String> moved =
                call("PUT", "/api/v1/tiers/" + encode(renamed) + "/level", TestUser.ADMIN, "{\"level\": 2}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(names().get(1)).isEqualTo(renamed);
        call("PUT", "/api/v1/tiers/" + encode(renamed) + "/level", TestUser.ADMIN, "{\"level\": " + last + "}");
        assertThat(names().get(last - 1)).isEqualTo(renamed);

        // it has a ticket: deleting is refused, saying what to do instead
        HttpResponse<String> delete = call("DELETE", "/api/v1/tiers/" + encode(renamed), TestUser.ADMIN, null);
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(delete.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(delete).path("detail").asText())
                .contains("1 ticket")
                .contains("deactivate");

        HttpResponse<String> deactivated = call(
                "PUT",
                "/api/v1/tiers/" + encode(renamed),
                TestUser.ADMIN,
                "{\"name\": \"" + renamed + "\", \"active\": false}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(Api.json(deactivated).path("active").asBoolean()).isFalse();
        assertThat(Api.json(call("GET", "/api/v1/tickets/" + id, TestUser.ADMIN, null))
                        .path("tier")
                        .asText())
                .as("the ticket stays")
                .isEqualTo(renamed);

        assertThat(jdbc.queryForList(
                        "select action from audit_log where subject_type = 'tier' and (subject_id = ? or subject_id = ?)"
                                + " and actor = ? order by id",
                        String.class,
                        name,
                        renamed,
                        TestUser.ADMIN.username))
                .containsExactly("tier.create", "tier.update", "tier.move", "tier.move", "tier.update");
    }

    @Test
    void anEmptyTierIsDeletedAndBadTiersAreProblemsNamingTheField() {
        String name = "Tier Empty " + System.nanoTime() % 100_000;
        assertThat(call("POST", "/api/v1/tiers", TestUser.ADMIN, "{\"name\": \"" + name + "\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> twice = call("POST", "/api/v1/tiers", TestUser.ADMIN, "{\"name\": \"" + name + "\"}");
        assertThat(twice.statusCode()).isEqualTo(409);

        HttpResponse<String> calendar = call(
                "PUT",
                "/api/v1/tiers/" + encode(name),
                TestUser.ADMIN,
                "{\"name\": \"" + name + "\", \"sla\": {\"firstResponse\": \"PT1H\", \"resolution\": \"PT8H\","
                        + " \"calendar\": \"mars\"}}");
        assertThat(calendar.statusCode()).isEqualTo(400);
        assertThat(calendar.body()).contains("sla.calendar").contains("mars");

        HttpResponse<String> negative = call(
                "PUT",
                "/api/v1/tiers/" + encode(name),
                TestUser.ADMIN,
                "{\"name\": \"" + name + "\", \"sla\": {\"firstResponse\": \"-PT1H\", \"resolution\": \"PT8H\"}}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("sla.firstResponse");

        HttpResponse<String> mailbox = call(
                "PUT",
                "/api/v1/tiers/" + encode(name),
                TestUser.ADMIN,
                "{\"name\": \"" + name + "\", \"mailbox\": \"tier2@example.com, boss@example.com\"}");
        assertThat(mailbox.statusCode()).isEqualTo(400);
        assertThat(mailbox.body()).contains("mailbox").contains("one e-mail address");

        HttpResponse<String> noName = call("POST", "/api/v1/tiers", TestUser.ADMIN, "{\"name\": \" \"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("name");

        assertThat(call("DELETE", "/api/v1/tiers/" + encode(name), TestUser.ADMIN, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(names()).doesNotContain(name);
        assertThat(call("DELETE", "/api/v1/tiers/" + encode(name), TestUser.ADMIN, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aTiersMailboxIsSetAndClearedThroughTheApi() {
        String name = "Tier Mail " + System.nanoTime() % 100_000;
        HttpResponse<String> created = call(
                "POST",
                "/api/v1/tiers",
                TestUser.ADMIN,
                "{\"name\": \"" + name + "\", \"mailbox\": \"night-shift@example.com\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Api.json(created).path("mailbox").asText()).isEqualTo("night-shift@example.com");

        HttpResponse<String> cleared =
                call("PUT", "/api/v1/tiers/" + encode(name), TestUser.ADMIN, "{\"name\": \"" + name + "\"}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(Api.json(cleared).path("mailbox").isNull()).isTrue();
        assertThat(call("DELETE", "/api/v1/tiers/" + encode(name), TestUser.ADMIN, null)
                        .statusCode())
                .isEqualTo(204);
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        Api.json(call("GET", "/api/v1/tiers", TestUser.ADMIN, null))
                .forEach(tier -> names.add(tier.path("name").asText()));
        return names;
    }

    private static String firstResponseTarget(JsonNode ticket) {
        for (JsonNode clock : ticket.path("sla")) {
            if (clock.path("kind").asText().equals("FIRST_RESPONSE")) {
                return clock.path("target").asText();
            }
        }
        return null;
    }

    private static String encode(String name) {
        return name.replace(" ", "%20");
    }
}
