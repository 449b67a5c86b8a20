package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.activity.Activity;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests the API cannot carry out are answered with RFC 9457 problem details that say what to change: the status,
 * a detail, and for invalid fields an {@code errors} list naming each field.
 */
class ApiProblemsTest extends ApplicationOnPostgres {

    private Activity agentsCall;

    @BeforeAll
    void aCallOfTheAgent() {
        agentsCall = activityOf(queueCall("+493055570101", TestUser.AGENT, 1));
    }

    @Test
    void aContactWithoutANameNamesTheField() {
        JsonNode problem = problem(call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"company\":\"Nameless\"}"), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).contains("name");
    }

    @Test
    void aBadEmailNamesTheField() {
        JsonNode problem = problem(
                call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"name\":\"Ada\",\"email\":\"not-an-email\"}"), 400);

        assertThat(fields(problem)).containsExactly("email");
    }

    @Test
    void malformedJsonIsABadRequest() {
        problem(call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"name\": \"Ada\""), 400);
        problem(call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"name\":\"Ada\",\"visibility\":\"SECRET\"}"), 400);
    }

    @Test
    void anUnknownDispositionCodeNamesTheField() {
        JsonNode problem = problem(
                call(
                        "PUT",
                        "/api/v1/activities/" + agentsCall.id().value() + "/disposition",
                        TestUser.AGENT,
                        "{\"code\":\"MAYBE\"}"),
                400);

        assertThat(fields(problem)).containsExactly("code");
        assertThat(problem.path("detail").asText()).contains("RESOLVED");
    }

    @Test
    void aStaleVersionIsAConflict() {
        String path = "/api/v1/activities/" + agentsCall.id().value() + "/disposition";
        long version = Api.json(
                        call("GET", "/api/v1/activities/" + agentsCall.id().value(), TestUser.AGENT, null))
                .path("version")
                .asLong();
        String edit = "{\"code\":\"CALLBACK\",\"version\":" + version + "}";
        assertThat(call("PUT", path, TestUser.AGENT, edit).statusCode()).isEqualTo(200);

        JsonNode problem = problem(call("PUT", path, TestUser.SUPERVISOR, edit), 409);

        assertThat(problem.path("detail").asText()).contains("reload");
    }

    @Test
    void anUnknownIdIsNotFound() {
        problem(call("GET", "/api/v1/contacts/987654321", TestUser.ADMIN, null), 404);
        problem(call("PUT", "/api/v1/contacts/987654321", TestUser.ADMIN, "{\"name\":\"Nobody\"}"), 404);
        problem(call("DELETE", "/api/v1/contacts/987654321", TestUser.ADMIN, null), 404);
        problem(call("GET", "/api/v1/activities/987654321", TestUser.ADMIN, null), 404);
        problem(call("PUT", "/api/v1/activities/987654321/disposition", TestUser.ADMIN, "{\"code\":\"OTHER\"}"), 404);
    }

    @Test
    void clickToDialWithSomethingElseThanANumberNamesTheField() {
        JsonNode problem =
                problem(call("POST", "/api/v1/calls", TestUser.AGENT, "{\"number\":\"call me maybe\"}"), 400);

        assertThat(fields(problem)).containsExactly("number");
    }

    @Test
    void aPauseReasonOfMoreThanOneLineNamesTheField() {
        // the reason goes to the PBX as an AMI header: a line break would let it append commands of its own
        JsonNode problem = problem(
                call(
                        "POST",
                        "/api/v1/agents/me/pause",
                        TestUser.AGENT,
                        "{\"reason\":\"lunch\\r\\n\\r\\nAction: Command\\r\\nCommand: core stop now\"}"),
                400);

        assertThat(fields(problem)).containsExactly("reason");
    }

    @Test
    void parametersOfTheWrongTypeOrMissingAreBadRequests() {
        problem(call("GET", "/api/v1/contacts/abc", TestUser.AGENT, null), 400);
        problem(call("GET", "/api/v1/activities?page=first", TestUser.AGENT, null), 400);
        problem(call("GET", "/api/v1/activities?from=yesterday", TestUser.AGENT, null), 400);
        problem(call("GET", "/api/v1/contacts?page=-1", TestUser.AGENT, null), 400);
        problem(
                api.upload(
                        "/api/v1/contacts/import?visibility=SECRET", user(), TestUser.PASSWORD, "c.csv", "name\nA\n"),
                400);
        HttpResponse<String> noFile =
                api.send(api.request("POST", "/api/v1/contacts/import", user(), TestUser.PASSWORD, null)
                        .header("Content-Type", "multipart/form-data; boundary=empty")
                        .POST(HttpRequest.BodyPublishers.ofString("--empty--\r\n")));
        problem(noFile, 400);
    }

    @Test
    void aWrongMethodOrMediaTypeIsAProblemToo() {
        problem(call("PATCH", "/api/v1/contacts", TestUser.AGENT, "{\"name\":\"Ada\"}"), 405);
        HttpResponse<String> text =
                api.send(api.request("POST", "/api/v1/contacts", TestUser.AGENT.username, TestUser.PASSWORD, null)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("Ada")));
        problem(text, 415);
    }

    @Test
    void anImportKeepsTheGoodRowsAndReportsTheBadOnesWithTheirReasons() {
        String csv = "name,company,email,phone,phone_type,tags,owner,notes\n"
                + "Good Row One,RM,one@example.com,+49 40 5557 0001,WORK,,,\n"
                + ",RM,nameless@example.com,+49 40 5557 0002,WORK,,,\n"
                + "Bad Email,RM,not-an-email,+49 40 5557 0003,WORK,,,\n"
                + "Good Row Two,RM,two@example.com,+49 40 5557 0004,WORK,,,\n";

        HttpResponse<String> response = api.upload("/api/v1/contacts/import", user(), TestUser.PASSWORD, "c.csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Api.json(response);
        assertThat(report.path("rows").asLong()).isEqualTo(4);
        assertThat(report.path("inserted").asLong()).isEqualTo(2);
        assertThat(report.path("rejected").asLong()).isEqualTo(2);
        JsonNode rejections = report.path("rejections");
        assertThat(rejections.get(0).path("row").asLong()).isEqualTo(3);
        assertThat(rejections.get(0).path("reason").asText()).contains("name");
        assertThat(rejections.get(1).path("row").asLong()).isEqualTo(4);
        assertThat(rejections.get(1).path("reason").asText()).contains("email");
        assertThat(call("GET", "/api/v1/contacts?q=Good+Row", TestUser.SUPERVISOR, null)
                        .body())
                .contains("Good Row One", "Good Row Two");
    }

    @Test
    void anImportWithoutAHeaderIsABadRequest() {
        problem(api.upload("/api/v1/contacts/import", user(), TestUser.PASSWORD, "c.csv", ""), 400);
    }

    @Test
    void anUploadOverTheLimitIsAProblem() {
        String csv = "name\n" + "A very long list of names\n".repeat(MAX_UPLOAD_BYTES / 20);

        problem(api.upload("/api/v1/contacts/import", user(), TestUser.PASSWORD, "big.csv", csv), 413);
    }

    /** A supervisor: who may import. */
    private static String user() {
        return TestUser.SUPERVISOR.username;
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
