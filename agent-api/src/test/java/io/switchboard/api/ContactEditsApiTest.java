package io.switchboard.api;

import static io.switchboard.api.RequestHardeningTest.fields;
import static io.switchboard.api.RequestHardeningTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Editing a contact loses nothing: {@code PATCH} (JSON Merge Patch) changes only what it names, {@code PUT} replaces
 * the whole contact and needs the version it was read at; who sees a contact is changed only by those responsible.
 */
class ContactEditsApiTest extends ApplicationOnPostgres {

    private static final String FULL =
            "{\"name\":\"Grace Hopper\",\"company\":\"Navy\",\"email\":\"grace@example.com\","
                    + "\"tags\":[\"vip\",\"cobol\"],\"notes\":\"Prefers mornings\","
                    + "\"phones\":[{\"type\":\"WORK\",\"number\":\"+49 30 5557 0901\"}]}";

    @Test
    void aPatchWithOnlyANameKeepsEverythingElse() {
        JsonNode created = Api.json(call("POST", "/api/v1/contacts", TestUser.AGENT, FULL));

        HttpResponse<String> patched = patch(created, TestUser.AGENT, "{\"name\":\"Rear Admiral Grace Hopper\"}");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode contact = Api.json(patched);
        assertThat(contact.path("name").asText()).isEqualTo("Rear Admiral Grace Hopper");
        assertThat(contact.path("account").path("name").asText()).isEqualTo("Navy");
        assertThat(contact.path("email").asText()).isEqualTo("grace@example.com");
        assertThat(contact.path("notes").asText()).isEqualTo("Prefers mornings");
        assertThat(contact.path("tags")).hasSize(2);
        assertThat(contact.path("phones").get(0).path("e164").asText()).isEqualTo("+493055570901");
        assertThat(contact.path("version").asLong())
                .isGreaterThan(created.path("version").asLong());
    }

    @Test
    void aPatchRemovesWhatItSetsToNullAndRefusesAStaleVersion() {
        JsonNode created = Api.json(call("POST", "/api/v1/contacts", TestUser.AGENT, FULL));

        JsonNode patched = Api.json(patch(created, TestUser.AGENT, "{\"email\":null,\"tags\":[\"retired\"]}"));
        HttpResponse<String> stale = patch(
                created,
                TestUser.AGENT,
                "{\"notes\":\"old\",\"version\":" + created.path("version").asLong() + "}");

        assertThat(patched.path("email").isNull()).isTrue();
        assertThat(patched.path("tags").get(0).asText()).isEqualTo("retired");
        assertThat(patched.path("notes").asText()).isEqualTo("Prefers mornings");
        problem(stale, 409);
        assertThat(fields(problem(patch(created, TestUser.AGENT, "{\"visibility\":\"SECRET\"}"), 400)))
                .containsExactly("/visibility");
        assertThat(fields(problem(patch(created, TestUser.AGENT, "{\"name\":\"\"}"), 400)))
                .containsExactly("name");
    }

    @Test
    void aPutNeedsTheVersionItWasReadAt() {
        JsonNode created = Api.json(call("POST", "/api/v1/contacts", TestUser.AGENT, FULL));
        String path = "/api/v1/contacts/" + created.path("id").asLong();

        JsonNode missing = problem(call("PUT", path, TestUser.AGENT, "{\"name\":\"Only a name\"}"), 400);
        HttpResponse<String> whole = call(
                "PUT", path, TestUser.AGENT, FULL.replace("}]}", "}],\"version\":" + created.path("version") + "}"));
        HttpResponse<String> stale =
                call("PUT", path, TestUser.AGENT, "{\"name\":\"Late\",\"version\":" + created.path("version") + "}");

        assertThat(fields(missing)).containsExactly("version");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        problem(stale, 409);
        assertThat(Api.json(call("GET", path, TestUser.AGENT, null))
                        .path("email")
                        .asText())
                .isEqualTo("grace@example.com");
    }

    @Test
    void onlyTheOwnerTheirSupervisorAndAdminsChangeWhoSeesAContact() {
        JsonNode created = Api.json(call(
                "POST",
                "/api/v1/contacts",
                TestUser.TEAMMATE,
                "{\"name\":\"Everyone's customer\",\"visibility\":\"COMPANY\"}"));
        String hide = "{\"visibility\":\"PRIVATE\"}";

        assertThat(problem(patch(created, TestUser.AGENT, hide), 403)
                        .path("detail")
                        .asText())
                .contains("visibility");
        problem(patch(created, TestUser.CAMPAIGN_MANAGER, hide), 403);
        problem(
                patch(
                        created,
                        TestUser.AGENT,
                        "{\"owner\":" + user(TestUser.AGENT).id().value() + "}"),
                403);
        assertThat(patch(created, TestUser.AGENT, "{\"notes\":\"corrected\"}").statusCode())
                .isEqualTo(200);
        assertThat(Api.json(call("GET", path(created), TestUser.OTHER_SUPERVISOR, null))
                        .path("visibility")
                        .asText())
                .isEqualTo("COMPANY");

        assertThat(patch(created, TestUser.TEAMMATE, "{\"visibility\":\"TEAM\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(patch(created, TestUser.SUPERVISOR, hide).statusCode()).isEqualTo(200);
        assertThat(patch(created, TestUser.ADMIN, "{\"visibility\":\"COMPANY\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> patch(JsonNode contact, TestUser user, String mergePatch) {
        return api.send(api.request("PATCH", path(contact), user.username, TestUser.PASSWORD, null)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch)));
    }

    private static String path(JsonNode contact) {
        return "/api/v1/contacts/" + contact.path("id").asLong();
    }
}
