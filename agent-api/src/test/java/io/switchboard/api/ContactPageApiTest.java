package io.switchboard.api;

import static io.switchboard.api.RequestHardeningTest.fields;
import static io.switchboard.api.RequestHardeningTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the contacts page asks of the API beyond plain search: a search exported as CSV that imports back, a merge that
 * refuses a stale or pointless request, and clear problems for bad parameters.
 */
class ContactPageApiTest extends ApplicationOnPostgres {

    @Test
    void anExportedSearchImportsBackAsItWas() {
        call(
                "POST",
                "/api/v1/contacts",
                TestUser.SUPERVISOR,
                "{\"name\":\"Export Ada\",\"company\":\"Export Engines\",\"email\":\"ada@export.example\","
                        + "\"tags\":[\"export-probe\",\"vip\"],\"notes\":\"=HYPERLINK(\\\"x\\\")\","
                        + "\"phones\":[{\"type\":\"WORK\",\"number\":\"+49 30 5558 0301\"},"
                        + "{\"type\":\"MOBILE\",\"number\":\"+49 151 55580302\"}]}");

        HttpResponse<String> export = call("GET", "/api/v1/contacts.csv?tag=export-probe", TestUser.SUPERVISOR, null);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        String csv = export.body();
        assertThat(csv.lines())
                .hasSize(3)
                .first()
                .isEqualTo("\"name\",\"company\",\"email\",\"phone\",\"phone_type\",\"tags\",\"owner\",\"notes\"");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"", "\"export-probe;vip\"", TestUser.SUPERVISOR.username);
        // the same file back in under another name: every row is read, cells come back as they were; the import
        // matches contacts by name and number, so each number is a contact of its own (said in the README)
        HttpResponse<String> imported = api.upload(
                "/api/v1/contacts/import",
                TestUser.SUPERVISOR.username,
                TestUser.PASSWORD,
                "contacts.csv",
                csv.replace("Export Ada", "Export Ada Again"));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Api.json(imported).path("rejected").asLong()).isZero();
        JsonNode again = Api.json(call("GET", "/api/v1/contacts?q=Export+Ada+Again", TestUser.SUPERVISOR, null))
                .path("items");
        assertThat(again.valueStream().map(contact -> contact.path("notes").asText()))
                .containsOnly("=HYPERLINK(\"x\")");
        assertThat(again.valueStream().map(contact -> contact.path("email").asText()))
                .containsOnly("ada@export.example");
        assertThat(again.valueStream()
                        .flatMap(contact -> contact.path("phones").valueStream())
                        .map(phone -> phone.path("e164").asText()))
                .containsExactlyInAnyOrder("+493055580301", "+4915155580302");
    }

    @Test
    void aMergeRefusesAStaleVersionItselfAndAMissingField() {
        JsonNode kept = Api.json(call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"name\":\"Merge Kept\"}"));
        JsonNode other = Api.json(call("POST", "/api/v1/contacts", TestUser.AGENT, "{\"name\":\"Merge Other\"}"));
        String path = "/api/v1/contacts/" + kept.path("id") + "/merge";

        JsonNode stale = problem(
                call(
                        "POST",
                        path,
                        TestUser.AGENT,
                        "{\"other\":" + other.path("id") + ",\"version\":7,\"otherVersion\":0}"),
                409);
        JsonNode itself = problem(
                call(
                        "POST",
                        path,
                        TestUser.AGENT,
                        "{\"other\":" + kept.path("id") + ",\"version\":0,\"otherVersion\":0}"),
                400);
        JsonNode missing = problem(call("POST", path, TestUser.AGENT, "{\"version\":0,\"otherVersion\":0}"), 400);

        assertThat(stale.path("detail").asText()).contains("changed by someone else");
        assertThat(itself.path("detail").asText()).contains("itself");
        assertThat(fields(missing)).containsExactly("other");
        assertThat(call("GET", "/api/v1/contacts/" + other.path("id"), TestUser.AGENT, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void badSearchParametersNameTheirField() {
        assertThat(fields(problem(call("GET", "/api/v1/contacts?sort=SIDEWAYS", TestUser.AGENT, null), 400)))
                .containsExactly("sort");
        assertThat(fields(problem(call("GET", "/api/v1/contacts?visibility=SECRET", TestUser.AGENT, null), 400)))
                .containsExactly("visibility");
        assertThat(fields(problem(call("GET", "/api/v1/contacts?team=several", TestUser.AGENT, null), 400)))
                .containsExactly("team");
        assertThat(fields(problem(call("GET", "/api/v1/contacts?openTickets=maybe", TestUser.AGENT, null), 400)))
                .containsExactly("openTickets");
    }
}
