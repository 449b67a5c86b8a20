package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Desktop sockets end with the login they were opened from, end to end: a browser logs in with the form, opens a
 * socket with a token, and logs out; the socket is closed and a token fetched before the logout opens nothing. And
 * one user cannot open more sockets than {@code switchboard.edge.max-sessions-per-user} (8).
 */
class CtiSocketsOfALoginTest extends ApplicationOnPostgres {

    @Autowired
    CtiEdge edge;

    @Autowired
    WebServerApplicationContext web;

    @Test
    void loggingOutClosesTheLoginsSocketsAndRefusesItsTokens() {
        Api browser = logIn(TestUser.TEAMMATE);
        String xsrf = xsrfOf(browser);
        String opened = tokenOf(browser, xsrf);
        String keptForLater = tokenOf(browser, xsrf);
        String fromAnotherClient = Api.json(call("POST", "/api/v1/cti/token", TestUser.TEAMMATE, null))
                .path("token")
                .asText();
        Desktop desktop = Desktop.connect(edge.port(), opened);
        Desktop scripted = Desktop.connect(edge.port(), fromAnotherClient);
        await().until(() -> edge.sessionsOf(TestUser.TEAMMATE.username) == 2);

        HttpResponse<String> logout = browser.send(
                browser.request("POST", "/logout", null, null, null).header("X-XSRF-TOKEN", xsrf));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);

        assertThat(desktop.awaitClose()).isEqualTo(new Desktop.Closed(4401, "logged out"));
        assertThat(Desktop.connect(edge.port(), keptForLater).awaitClose())
                .isEqualTo(new Desktop.Closed(4401, "logged out"));
        // a socket opened with Basic credentials belongs to no browser login: it stays
        assertThat(edge.sessionsOf(TestUser.TEAMMATE.username)).isEqualTo(1);
        assertThat(scripted.isOpen()).isTrue();
        scripted.close();
    }

    @Test
    void anExpiredLoginSessionTakesItsSocketsAlong() throws Exception {
        Api browser = logIn(TestUser.CAMPAIGN_MANAGER);
        String xsrf = xsrfOf(browser);
        Desktop desktop = Desktop.connect(edge.port(), tokenOf(browser, xsrf));
        String keptForLater = tokenOf(browser, xsrf);
        await().until(() -> edge.sessionsOf(TestUser.CAMPAIGN_MANAGER.username) == 1);

        // what Tomcat's background task does to a session idle for server.servlet.session.timeout
        Context context = (Context)
                ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session =
                context.getManager().findSession(browser.cookie("JSESSIONID").orElseThrow());
        session.expire();

        assertThat(desktop.awaitClose()).isEqualTo(new Desktop.Closed(4401, "logged out"));
        assertThat(Desktop.connect(edge.port(), keptForLater).awaitClose())
                .isEqualTo(new Desktop.Closed(4401, "logged out"));
    }

    @Test
    void oneUserOpensAtMostEightSocketsAndTheNinthIsRefused() {
        List<Desktop> desktops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            desktops.add(Desktop.connect(edge.port(), basicToken(TestUser.SUPERVISOR)));
        }
        await().until(() -> edge.sessionsOf(TestUser.SUPERVISOR.username) == 8);

        Desktop ninth = Desktop.connect(edge.port(), basicToken(TestUser.SUPERVISOR));

        assertThat(ninth.awaitClose()).isEqualTo(new Desktop.Closed(4409, "too many sessions"));
        assertThat(edge.sessionsOf(TestUser.SUPERVISOR.username)).isEqualTo(8);
        assertThat(desktops).allSatisfy(desktop -> assertThat(desktop.isOpen()).isTrue());
        desktops.forEach(Desktop::close);
    }

    private String basicToken(TestUser user) {
        return Api.json(call("POST", "/api/v1/cti/token", user, null))
                .path("token")
                .asText();
    }

    private Api logIn(TestUser user) {
        Api browser = Api.browser(port);
        HttpResponse<String> loginPage = browser.call("GET", "/login", null, null, null);
        String formToken =
                loginPage.body().replaceAll("(?s).*<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = browser.send(browser.request("POST", "/login", null, null, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + user.username + "&password=" + TestUser.PASSWORD + "&_csrf=" + formToken)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        return browser;
    }

    private static String xsrfOf(Api browser) {
        assertThat(browser.call("GET", "/api/v1/queues", null, null, null).statusCode())
                .isEqualTo(200);
        return browser.cookie("XSRF-TOKEN").orElseThrow();
    }

    private static String tokenOf(Api browser, String xsrf) {
        HttpResponse<String> grant = browser.send(
                browser.request("POST", "/api/v1/cti/token", null, null, null).header("X-XSRF-TOKEN", xsrf));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        return Api.json(grant).path("token").asText();
    }
}
