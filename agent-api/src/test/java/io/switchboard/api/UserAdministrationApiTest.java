package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Users and teams administered through the API, as an admin does it, with the effects on pops and sessions. */
class UserAdministrationApiTest extends ApplicationOnPostgres {

    private static final String PASSWORD = "a-long-enough-secret";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    @Test
    void aChangedExtensionRingsItsNewOwnerFromTheNextCallWithoutARestart() {
        create("ua-mover", "7301");
        create("ua-successor", null);
        try (Desktop mover = desktop("ua-mover");
                Desktop successor = desktop("ua-successor")) {
            ring("7301", "+4930555731");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mover.received("screenPop").size() == 1);

            // the extension moves: 7302 is the mover's now, 7301 the successor's
            assertThat(admin("PUT", "/api/v1/users/ua-mover", userJson("ua-mover", "7302"))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(admin("PUT", "/api/v1/users/ua-successor", userJson("ua-successor", "7301"))
                            .statusCode())
                    .isEqualTo(200);
            ring("7301", "+4930555732");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> successor.received("screenPop").size() == 1);
            ring("7302", "+4930555733");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mover.received("screenPop").size() == 2);

            assertThat(mover.received("screenPop"))
                    .extracting(pop -> pop.path("newContact").path("phone").asText())
                    .containsExactly("+4930555731", "+4930555733");
            assertThat(successor.received("screenPop"))
                    .extracting(pop -> pop.path("newContact").path("phone").asText())
                    .containsExactly("+4930555732");
        }
    }

    @Test
    void deactivatingAUserEndsTheirBrowserSessionAndClosesTheirDesktopAtOnce() {
        create("ua-leaver", "7311");
        Api browser = Api.browser(port);
        login(browser, "ua-leaver");
        HttpResponse<String> token = browser.send(
                browser.request("POST", "/api/v1/cti/token", null, null, null).header("X-XSRF-TOKEN", xsrf(browser)));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode issued = Api.json(token);
        try (Desktop desk = Desktop.connect(
                issued.path("port").asInt(), issued.path("token").asText())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> edge.sessionsOf("ua-leaver") == 1);

            HttpResponse<String> deactivated = admin("POST", "/api/v1/users/ua-leaver/deactivate", null);

            assertThat(deactivated.statusCode()).isEqualTo(200);
            assertThat(Api.json(deactivated).path("active").asBoolean()).isFalse();
            assertThat(desk.awaitClose().code()).isEqualTo(4401);
            assertThat(browser.call("GET", "/api/v1/agents/me", null, null, null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(api.call("GET", "/api/v1/contacts", "ua-leaver", PASSWORD, null)
                            .statusCode())
                    .isEqualTo(401);
        }
        // their data stays, and they come back as they were
        assertThat(admin("POST", "/api/v1/users/ua-leaver/reactivate", null).statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "/api/v1/contacts", "ua-leaver", PASSWORD, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPasswordAnAdminResetMustBeChangedBeforeAnythingElse() {
        create("ua-forgetful", null);
        assertThat(admin("POST", "/api/v1/users/ua-forgetful/password", "{\"password\":\"temporary-horse-staple\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused =
                api.call("GET", "/api/v1/contacts", "ua-forgetful", "temporary-horse-staple", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.json(refused).path("detail").asText()).contains("choose your own");
        HttpResponse<String> weak = api.call(
                "POST",
                "/api/v1/me/password",
                "ua-forgetful",
                "temporary-horse-staple",
                "{\"currentPassword\":\"temporary-horse-staple\",\"newPassword\":\"password\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("newPassword");
        HttpResponse<String> changed = api.call(
                "POST",
                "/api/v1/me/password",
                "ua-forgetful",
                "temporary-horse-staple",
                "{\"currentPassword\":\"temporary-horse-staple\",\"newPassword\":\"my-own-long-passphrase\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(api.call("GET", "/api/v1/contacts", "ua-forgetful", "my-own-long-passphrase", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        create("ua-holder", "7321");

        assertField(admin("POST", "/api/v1/users", "{\"username\":\"ua-x\"}"), 400, "role");
        assertField(
                admin("POST", "/api/v1/users", "{\"username\":\"ua-x\",\"role\":\"AGENT\",\"extension\":\"1234567\"}"),
                400,
                "extension");
        assertField(
                admin("POST", "/api/v1/users", "{\"username\":\"ua-x\",\"role\":\"AGENT\",\"extension\":\"7321\"}"),
                409,
                "extension");
        assertField(admin("POST", "/api/v1/users", "{\"username\":\"ua-holder\",\"role\":\"AGENT\"}"), 409, "username");
        assertField(
                admin("POST", "/api/v1/users", "{\"username\":\"ua-x\",\"role\":\"AGENT\",\"team\":\"No such team\"}"),
                400,
                "team");
        assertField(admin("GET", "/api/v1/users?size=100000", null), 400, "size");
        assertThat(admin("GET", "/api/v1/users/nobody-at-all", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anImportKeepsEveryGoodRowAndReportsEveryBadOneAndTheExportIsSpreadsheetSafe() {
        admin("POST", "/api/v1/teams", "{\"name\":\"UA Imported\"}");
        String csv = "username,name,role,team,extension,email\n"
                + "ua-imp1,Imported One,AGENT,UA Imported,7331,one@example.com\n"
                + "ua-imp2,Imported Two,WIZARD,,,\n"
                + "ua-imp3,Imported Three,AGENT,,7331,\n"
                + "ua-imp4,=HYPERLINK(\"http://evil\"),SUPERVISOR,UA Imported,,four@example.com\n"
                + ",No Name,AGENT,,,\n";

        HttpResponse<String> imported =
                api.upload("/api/v1/users/import", TestUser.ADMIN.username, TestUser.PASSWORD, "users.csv", csv);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = Api.json(imported);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(3);
        assertThat(report.path("rejections").toString())
                .contains("\"row\":3", "WIZARD", "\"row\":4", "7331", "\"row\":6");
        JsonNode team = Api.json(admin("GET", "/api/v1/teams", null));
        assertThat(team.toString()).contains("ua-imp4");
        String export = admin("GET", "/api/v1/users.csv", null).body();
        assertThat(export).contains("\"ua-imp1\",\"Imported One\",\"AGENT\",\"UA Imported\",\"7331\"");
        assertThat(export).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(admin("GET", "/api/v1/audit?subjectType=user&subjectId=ua-imp1", null)
                        .body())
                .contains("user.created", TestUser.ADMIN.username);
    }

    private void create(String username, String extension) {
        HttpResponse<String> created = admin("POST", "/api/v1/users", userJson(username, extension));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        directory.setPasswordHash(
                directory.findByUsername(username).orElseThrow().id(), HASH);
    }

    private static String userJson(String username, String extension) {
        return "{\"username\":\"" + username + "\",\"role\":\"AGENT\",\"team\":\"" + TestUser.SUPPORT + "\""
                + (extension == null ? "" : ",\"extension\":\"" + extension + "\"") + "}";
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return call(method, path, TestUser.ADMIN, body);
    }

    private void ring(String extension, String caller) {
        simulator.run(new QueueCallAnswered(
                new Caller(caller, "Caller " + caller, "500"), "support", extension, 1, 1, HangupBy.CALLER));
    }

    private Desktop desktop(String username) {
        JsonNode token = Api.json(api.call("POST", "/api/v1/cti/token", username, PASSWORD, null));
        Desktop desktop =
                Desktop.connect(token.path("port").asInt(), token.path("token").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.sessionsOf(username) > 0);
        return desktop;
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(response).path("errors").toString()).contains("\"field\":\"" + field + "\"");
    }

    private void login(Api browser, String username) {
        HttpResponse<String> page = browser.call("GET", "/login", null, null, null);
        String formToken = page.body().replaceAll("(?s).*<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = browser.send(browser.request("POST", "/login", null, null, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + username + "&password=" + PASSWORD + "&_csrf=" + formToken)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        assertThat(browser.call("GET", "/api/v1/agents/me", null, null, null).statusCode())
                .isEqualTo(200);
    }

    private static String xsrf(Api browser) {
        return browser.cookie("XSRF-TOKEN").orElseThrow();
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.switchboard.gateway.edge.CtiEdge edge;
}
