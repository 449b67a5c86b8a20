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
 * A ticket's category (from the managed list) and tags through the API on PostgreSQL: set when it is opened and
 * changed later (each change in the history), refused with a 400 naming the field when wrong, a filter of the
 * workbench, and what the knowledge base suggests for it.
 */
class TicketCategoryApiTest extends ApplicationOnPostgres {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theManagedCategoriesAreListedForEveryone() {
        JsonNode categories = ok(call("GET", "/api/v1/tickets/categories", TestUser.CAMPAIGN_MANAGER, null));

        assertThat(texts(categories)).contains("Billing", "Internet", "Other");
    }

    @Test
    void aTicketIsOpenedWithACategoryAndTagsAndBothChangeWithTheHistoryKept() {
        JsonNode opened = ok(call(
                "POST",
                "/api/v1/tickets",
                TestUser.AGENT,
                "{\"subject\":\"Router drops\",\"category\":\"internet\",\"tags\":[\"Router\",\" vip \",\"router\"]}"));
        long id = opened.path("id").asLong();
        String path = "/api/v1/tickets/" + id;

        assertThat(opened.path("category").asText()).isEqualTo("Internet");
        assertThat(texts(opened.path("tags"))).containsExactly("router", "vip");

        JsonNode edited = ok(call(
                "PUT",
                path,
                TestUser.AGENT,
                "{\"category\":\"Billing\",\"tags\":[\"refund\"],\"reason\":\"it was the bill\"}"));
        assertThat(edited.path("category").asText()).isEqualTo("Billing");
        assertThat(texts(edited.path("tags"))).containsExactly("refund");
        assertThat(ok(call("GET", path, TestUser.SUPERVISOR, null))
                        .path("tags")
                        .get(0)
                        .asText())
                .isEqualTo("refund");

        // a change that names neither keeps both; an empty category and list remove them
        JsonNode untouched = ok(call("PUT", path, TestUser.AGENT, "{\"priority\":\"HIGH\"}"));
        assertThat(untouched.path("category").asText()).isEqualTo("Billing");
        assertThat(texts(untouched.path("tags"))).containsExactly("refund");
        JsonNode cleared = ok(call("PUT", path, TestUser.AGENT, "{\"category\":\"\",\"tags\":[]}"));
        assertThat(cleared.path("category").isNull()).isTrue();
        assertThat(cleared.path("tags")).isEmpty();

        JsonNode history = ok(call("GET", path + "/history", TestUser.AGENT, null));
        List<String> changes = new ArrayList<>();
        history.forEach(change -> changes.add(change.path("kind").asText() + " "
                + change.path("from").asText("") + " -> " + change.path("to").asText("")));
        assertThat(changes)
                .containsSubsequence(
                        "CATEGORY Internet -> Billing",
                        "TAGS router, vip -> refund",
                        "CATEGORY Billing -> ",
                        "TAGS refund -> ");
    }

    @Test
    void aWrongCategoryOrTagIsA400NamingTheFieldAndNothingIsOpened() {
        long before = ok(call("GET", "/api/v1/tickets/workbench?view=ALL&size=1", TestUser.ADMIN, null))
                .path("totalItems")
                .asLong();

        JsonNode unknown = problem(
                call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"x\",\"category\":\"Plumbing\"}"));
        JsonNode blankTag =
                problem(call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"x\",\"tags\":[\"ok\",\" \"]}"));
        JsonNode nullTag =
                problem(call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"x\",\"tags\":[null]}"));
        JsonNode longTag = problem(call(
                "POST",
                "/api/v1/tickets",
                TestUser.AGENT,
                "{\"subject\":\"x\",\"tags\":[\"" + "t".repeat(61) + "\"]}"));

        assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(unknown.path("detail").asText()).contains("Plumbing").contains("Billing");
        assertThat(blankTag.path("errors").get(0).path("field").asText()).isEqualTo("tags[1]");
        assertThat(nullTag.path("errors").get(0).path("field").asText()).isEqualTo("tags[0]");
        assertThat(longTag.path("errors").get(0).path("field").asText()).isEqualTo("tags[0]");
        assertThat(ok(call("GET", "/api/v1/tickets/workbench?view=ALL&size=1", TestUser.ADMIN, null))
                        .path("totalItems")
                        .asLong())
                .isEqualTo(before);

        long id = open("{\"subject\":\"Kept\",\"category\":\"Orders\"}");
        JsonNode badEdit = problem(call("PUT", "/api/v1/tickets/" + id, TestUser.AGENT, "{\"category\":\"Nope\"}"));
        assertThat(badEdit.path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(ok(call("GET", "/api/v1/tickets/" + id, TestUser.AGENT, null))
                        .path("category")
                        .asText())
                .isEqualTo("Orders");
        JsonNode badFilter = problem(call("GET", "/api/v1/tickets/workbench?category=Nope", TestUser.AGENT, null));
        assertThat(badFilter.path("errors").get(0).path("field").asText()).isEqualTo("category");
    }

    @Test
    void theWorkbenchFiltersByCategoryAndByTag() {
        long hardware = open("{\"subject\":\"Filter printer\",\"category\":\"Hardware\",\"tags\":[\"printer\"]}");
        long billing = open("{\"subject\":\"Filter invoice\",\"category\":\"Billing\",\"tags\":[\"printer\",\"vat\"]}");
        open("{\"subject\":\"Filter nothing\"}");
        String all = "/api/v1/tickets/workbench?view=ALL&size=100&q=Filter";

        assertThat(ids(ok(call("GET", all + "&category=hardware", TestUser.ADMIN, null))))
                .containsExactly(hardware);
        assertThat(ids(ok(call("GET", all + "&tag=Printer", TestUser.ADMIN, null))))
                .containsExactlyInAnyOrder(hardware, billing);
        assertThat(ids(ok(call("GET", all + "&tag=vat&category=Billing", TestUser.ADMIN, null))))
                .containsExactly(billing);
    }

    @Test
    void aCategoryTakenOffTheListStillFindsItsTicketsButIsNoCategoryToSet() {
        long retired = open("{\"subject\":\"Retired fax line\",\"category\":\"Hardware\"}");
        long other = open("{\"subject\":\"Retired printer\",\"category\":\"Hardware\"}");
        // what a ticket holds once an admin took 'Fax machines' off switchboard.tickets.categories: it keeps it
        jdbc.update("update tickets set category = 'Fax machines' where id = ?", retired);
        String all = "/api/v1/tickets/workbench?view=ALL&size=100&q=Retired";

        assertThat(texts(ok(call("GET", "/api/v1/tickets/categories/retired", TestUser.AGENT, null))))
                .contains("Fax machines")
                .doesNotContain("Hardware");
        assertThat(ids(ok(call("GET", all + "&category=fax%20MACHINES", TestUser.ADMIN, null))))
                .containsExactly(retired);
        assertThat(ids(ok(call("GET", all + "&category=Hardware", TestUser.ADMIN, null))))
                .containsExactly(other);

        JsonNode refusedEdit =
                problem(call("PUT", "/api/v1/tickets/" + other, TestUser.AGENT, "{\"category\":\"Fax machines\"}"));
        JsonNode refusedNew = problem(
                call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"x\",\"category\":\"Fax machines\"}"));
        assertThat(refusedEdit.path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(refusedNew.path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(ok(call("GET", "/api/v1/tickets/" + other, TestUser.AGENT, null))
                        .path("category")
                        .asText())
                .isEqualTo("Hardware");
    }

    private long open(String body) {
        return ok(call("POST", "/api/v1/tickets", TestUser.AGENT, body))
                .path("id")
                .asLong();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Api.json(response);
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return Api.json(response);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(ticket -> ids.add(ticket.path("id").asLong()));
        return ids;
    }
}
