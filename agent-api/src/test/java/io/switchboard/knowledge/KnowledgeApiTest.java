package io.switchboard.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base over HTTP on PostgreSQL: ids as plain numbers, sanitised HTML, drafts and publishing by role,
 * ranked search, versions and conflicts, counts for authors, and every client mistake a problem naming its field.
 */
class KnowledgeApiTest extends ApplicationOnPostgres {

    private final String marker = "kbapi" + System.nanoTime() % 1_000_000;

    private JsonNode create(TestUser user, String json) {
        HttpResponse<String> created = call("POST", "/api/v1/kb/articles", user, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }

    @Test
    void aPublishedArticleIsReadByEveryoneAsSanitisedHtmlWithAPlainNumberId() {
        JsonNode article = create(
                TestUser.SUPERVISOR,
                "{\"title\":\"Hostile " + marker + "\",\"body\":\"Hi <script>alert(1)</script> [x](javascript:alert(2))"
                        + " **bold**\",\"tags\":[\"Safety\"],\"status\":\"PUBLISHED\"}");

        assertThat(article.path("id").isNumber()).isTrue();
        assertThat(article.path("author").isNumber()).isTrue();
        JsonNode read =
                Api.json(call("GET", "/api/v1/kb/articles/" + article.path("id").asLong(), TestUser.AGENT, null));
        assertThat(read.path("html").asText())
                .contains("<strong>bold</strong>")
                .doesNotContain("<script")
                .doesNotContain("javascript:");
        assertThat(read.path("tags").get(0).asText()).isEqualTo("safety");
        assertThat(read.path("stats").isNull()).isTrue();
    }

    @Test
    void anAgentProposesADraftThatOnlyASupervisorPublishes() {
        HttpResponse<String> refused = call(
                "POST",
                "/api/v1/kb/articles",
                TestUser.AGENT,
                "{\"title\":\"Mine " + marker + "\",\"body\":\"x\",\"status\":\"PUBLISHED\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.json(refused).path("detail").asText()).contains("drafts");

        long id = create(TestUser.AGENT, "{\"title\":\"Draft " + marker + "\",\"body\":\"x\"}")
                .path("id")
                .asLong();
        String path = "/api/v1/kb/articles/" + id;
        assertThat(call("GET", path, TestUser.TEAMMATE, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", path + "/status", TestUser.AGENT, "{\"status\":\"PUBLISHED\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", path + "/status", TestUser.SUPERVISOR, "{\"status\":\"PUBLISHED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", path, TestUser.TEAMMATE, null).statusCode()).isEqualTo(200);
    }

    @Test
    void searchRanksTitleMatchesFirstAndCountsTheTotal() {
        // a word of this test alone: the class's other tests share the database (and the class's marker)
        String word = "kbsearch" + System.nanoTime() % 1_000_000;
        create(
                TestUser.ADMIN,
                "{\"title\":\"About routers\",\"body\":\"Mentions " + word + " once.\",\"status\":\"PUBLISHED\"}");
        create(
                TestUser.ADMIN,
                "{\"title\":\"The " + word + " guide\",\"body\":\"All about " + word + ".\",\"status\":\"PUBLISHED\"}");

        JsonNode page = Api.json(call("GET", "/api/v1/kb/articles?q=" + word, TestUser.AGENT, null));

        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asText()));
        assertThat(titles).containsExactly("The " + word + " guide", "About routers");
        assertThat(page.path("items").get(0).path("id").isNumber()).isTrue();
    }

    @Test
    void aStaleSaveIsAConflictAndEverySaveAVersion() {
        long id = create(TestUser.SUPERVISOR, "{\"title\":\"Versioned " + marker + "\",\"body\":\"one\"}")
                .path("id")
                .asLong();
        String path = "/api/v1/kb/articles/" + id;
        assertThat(call("PUT", path, TestUser.ADMIN, "{\"title\":\"V\",\"body\":\"two\",\"version\":1}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale =
                call("PUT", path, TestUser.SUPERVISOR, "{\"title\":\"V\",\"body\":\"three\",\"version\":1}");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode versions = Api.json(call("GET", path + "/versions", TestUser.SUPERVISOR, null));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("body").asText()).isEqualTo("two");
        assertThat(versions.get(0).path("savedBy").asText()).isEqualTo(TestUser.ADMIN.username);
    }

    @Test
    void viewsAndHelpfulClicksAreShownToTheAuthor() {
        long id = create(TestUser.AGENT, "{\"title\":\"Counted " + marker + "\",\"body\":\"x\"}")
                .path("id")
                .asLong();
        String path = "/api/v1/kb/articles/" + id;
        call("PUT", path + "/status", TestUser.SUPERVISOR, "{\"status\":\"PUBLISHED\"}");

        assertThat(call("POST", path + "/views", TestUser.TEAMMATE, null).statusCode())
                .isEqualTo(204);
        assertThat(call("POST", path + "/helpful", TestUser.TEAMMATE, null).statusCode())
                .isEqualTo(204);
        assertThat(call("POST", path + "/helpful", TestUser.TEAMMATE, null).statusCode())
                .isEqualTo(204);

        JsonNode stats = Api.json(call("GET", path, TestUser.AGENT, null)).path("stats");
        assertThat(stats.path("views").asLong()).isEqualTo(1);
        assertThat(stats.path("helpful").asLong()).isEqualTo(1);
    }

    @Test
    void suggestionsForATicketsSubjectAndACallsQueue() {
        long subject = create(
                        TestUser.SUPERVISOR,
                        "{\"title\":\"Fixing " + marker + " errors\",\"body\":\"Restart.\","
                                + "\"status\":\"PUBLISHED\"}")
                .path("id")
                .asLong();

        JsonNode suggested = Api.json(call(
                "GET",
                "/api/v1/kb/suggestions?text=Customer+reports+" + marker + "+error&queue=nowhere&limit=5",
                TestUser.AGENT,
                null));

        assertThat(suggested.get(0).path("id").asLong()).isEqualTo(subject);
    }

    @Test
    void clientMistakesAreProblemsNamingTheField() {
        assertField(
                call("POST", "/api/v1/kb/articles", TestUser.SUPERVISOR, "{\"title\":\" \",\"body\":\"x\"}"), "title");
        assertField(
                call(
                        "POST",
                        "/api/v1/kb/articles",
                        TestUser.SUPERVISOR,
                        "{\"title\":\"t\",\"body\":\"x\",\"tags\":[\"" + "t".repeat(61) + "\"]}"),
                "tags[0]");
        long id = create(TestUser.SUPERVISOR, "{\"title\":\"Fields " + marker + "\",\"body\":\"x\"}")
                .path("id")
                .asLong();
        assertField(
                call("PUT", "/api/v1/kb/articles/" + id, TestUser.SUPERVISOR, "{\"title\":\"t\",\"body\":\"x\"}"),
                "version");
        assertField(call("GET", "/api/v1/kb/suggestions?limit=0", TestUser.AGENT, null), "limit");
        assertField(call("GET", "/api/v1/kb/articles?size=101", TestUser.AGENT, null), "size");
        HttpResponse<String> badStatus =
                call("PUT", "/api/v1/kb/articles/" + id + "/status", TestUser.SUPERVISOR, "{\"status\":\"LIVE\"}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/kb/articles/987654321", TestUser.AGENT, null)
                        .statusCode())
                .isEqualTo(404);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(response).path("errors").get(0).path("field").asText())
                .isEqualTo(field);
    }
}
