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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests that used to end in a 500, in Tomcat's HTML page or in a message naming Java classes: each is an RFC 9457
 * problem that names the field and says what it takes.
 */
class RequestHardeningTest extends ApplicationOnPostgres {

    @Test
    void aNullPhoneIsAFieldProblemNotAServerError() {
        JsonNode problem =
                problem(call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"name\":\"Ada\",\"phones\":[null]}"), 400);

        assertThat(fields(problem)).containsExactly("phones[0]");
    }

    @Test
    void aSingleValuedParameterGivenTwiceNamesTheParameter() {
        JsonNode problem =
                problem(call("GET", "/api/v1/reports/intervals?step=day&step=hour", TestUser.SUPERVISOR, null), 400);
        assertThat(fields(problem)).containsExactly("step");
        assertThat(fields(problem(call("GET", "/api/v1/contacts?page=0&page=1", TestUser.AGENT, null), 400)))
                .containsExactly("page");

        // a parameter that takes several values still takes them
        assertThat(call("GET", "/api/v1/tickets/workbench?status=OPEN&status=NEW", TestUser.AGENT, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aBrokenMultipartBodyIsABadRequest() {
        HttpResponse<String> response = api.send(
                api.request("POST", "/api/v1/contacts/import", TestUser.SUPERVISOR.username, TestUser.PASSWORD, null)
                        .header("Content-Type", "multipart/form-data; boundary=xyz")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nname\nAda\n")));

        problem(response, 400);
    }

    @Test
    void negativeOffsetsAndLimitsNameTheField() {
        assertThat(fields(problem(call("GET", "/api/v1/dnc?offset=-1", TestUser.ADMIN, null), 400)))
                .containsExactly("offset");
        assertThat(fields(problem(call("GET", "/api/v1/dnc?limit=-5", TestUser.ADMIN, null), 400)))
                .containsExactly("limit");
        long campaign = Api.json(call(
                        "POST",
                        "/api/v1/campaigns",
                        TestUser.ADMIN,
                        "{\"name\":\"Paging probe\",\"dialMode\":\"PREVIEW\",\"queue\":\"probe\"}"))
                .path("id")
                .asLong();
        assertThat(fields(problem(
                        call("GET", "/api/v1/campaigns/" + campaign + "/dnc?limit=-5", TestUser.ADMIN, null), 400)))
                .containsExactly("limit");
        HttpResponse<String> upload = api.upload(
                "/api/v1/campaigns/" + campaign + "/leads",
                TestUser.ADMIN.username,
                TestUser.PASSWORD,
                "leads.csv",
                "number,name\n+49 30 5557 3001,Ann\n");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long importId = Api.json(upload).path("importId").asLong();
        assertThat(fields(problem(
                        call(
                                "GET",
                                "/api/v1/campaigns/" + campaign + "/imports/" + importId + "/rejections?offset=-3",
                                TestUser.ADMIN,
                                null),
                        400)))
                .containsExactly("offset");
    }

    @Test
    void aPageOverTheMaximumIsRefusedEverywhereNamingSizeAndTheMaximum() {
        for (String list : List.of("/api/v1/contacts", "/api/v1/activities", "/api/v1/tickets")) {
            JsonNode problem = problem(call("GET", list + "?size=1000", TestUser.AGENT, null), 400);

            assertThat(fields(problem)).as(list).containsExactly("size");
            assertThat(problem.path("errors").get(0).path("message").asText()).contains("200");
        }
        assertThat(fields(problem(call("GET", "/api/v1/dnc?limit=100000", TestUser.ADMIN, null), 400)))
                .containsExactly("limit");
    }

    @Test
    void aWrongEnumNamesTheFieldAndItsValuesWithoutJavaNames() {
        long ticket = Api.json(call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"Enum probe\"}"))
                .path("id")
                .asLong();

        JsonNode status = problem(
                call("POST", "/api/v1/tickets/" + ticket + "/status", TestUser.AGENT, "{\"status\":\"IN_PROGRESS\"}"),
                400);
        JsonNode priority = problem(
                call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"x\",\"priority\":\"SUPER\"}"), 400);
        JsonNode retry = problem(
                call(
                        "POST",
                        "/api/v1/campaigns",
                        TestUser.ADMIN,
                        "{\"name\":\"Enum probe\",\"dialMode\":\"PREVIEW\",\"queue\":\"q\",\"retryDelays\":{\"BUSY\":\"forever\"}}"),
                400);

        assertThat(fields(status)).containsExactly("/status");
        assertThat(status.path("detail").asText()).contains("IN_PROGRESS", "OPEN", "PENDING");
        assertThat(fields(priority)).containsExactly("/priority");
        assertThat(priority.path("detail").asText()).contains("SUPER", "HIGH");
        assertThat(fields(retry)).containsExactly("/retryDelays/BUSY");
        assertThat(retry.path("detail").asText()).contains("forever", "PT10M");
        for (JsonNode problem : List.of(status, priority, retry)) {
            assertThat(problem.toString()).doesNotContain("java.", "io.switchboard", "Exception", "Failed to read");
        }
    }

    @Test
    void tomcatsOwnRefusalsAreProblemsToo() {
        problem(call("GET", "/api/v1/contacts/a%2fb", TestUser.AGENT, null), 400);
        problem(call("GET", "/api/v1/contacts?q=" + "x".repeat(1_000_000), TestUser.AGENT, null), 400);
    }

    @Test
    void theErrorPathAskedForDirectlyIsANotFoundProblem() {
        problem(call("GET", "/error", TestUser.AGENT, null), 404);
        problem(api.call("GET", "/error", null, null, null), 404);
    }

    @Test
    void aContactTakesAtMostFiftyTags() {
        String tags = IntStream.range(0, 51).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));

        JsonNode problem = problem(
                call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"name\":\"Tagged\",\"tags\":[" + tags + "]}"), 400);

        assertThat(fields(problem)).containsExactly("tags");
    }

    @Test
    void theFaviconIsServedToAnyone() {
        HttpResponse<String> favicon = api.call("GET", "/favicon.ico", null, null, null);

        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
    }

    @Test
    void aChangeWithAnExpiredSessionAsksToLogInAgain() {
        HttpResponse<String> response =
                api.send(api.request("POST", "/api/v1/contacts", null, null, "{\"name\":\"Late\"}")
                        .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF"));

        JsonNode problem = problem(response, 401);
        assertThat(problem.path("detail").asText()).contains("session expired").doesNotContain("CSRF");
    }

    @Test
    void aTicketLinksOnlyCallsItsEditorMaySee() {
        Activity teammatesCall = activityOf(queueCall("+493055570301", TestUser.TEAMMATE, 1));
        long ticket = Api.json(call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"Link probe\"}"))
                .path("id")
                .asLong();
        String path = "/api/v1/tickets/" + ticket + "/calls";

        problem(call("POST", path, TestUser.AGENT, "{\"callId\":\"" + teammatesCall.callId() + "\"}"), 404);
        problem(
                call(
                        "POST",
                        path,
                        TestUser.AGENT,
                        "{\"activity\":" + teammatesCall.id().value() + "}"),
                404);
        problem(
                call(
                        "POST",
                        "/api/v1/tickets",
                        TestUser.AGENT,
                        "{\"subject\":\"x\",\"callId\":\"" + teammatesCall.callId() + "\"}"),
                404);
        assertThat(Api.json(call("GET", "/api/v1/tickets/" + ticket, TestUser.AGENT, null))
                        .path("callIds"))
                .isEmpty();
        HttpResponse<String> bySupervisor =
                call("POST", path, TestUser.SUPERVISOR, "{\"callId\":\"" + teammatesCall.callId() + "\"}");
        assertThat(bySupervisor.statusCode()).as(bySupervisor.body()).isEqualTo(200);
    }

    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
