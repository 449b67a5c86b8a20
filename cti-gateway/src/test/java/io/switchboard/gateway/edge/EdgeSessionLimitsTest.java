package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.BOB;
import static io.switchboard.gateway.edge.EdgeTestSupport.json;
import static io.switchboard.gateway.edge.EdgeTestSupport.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

/** How many sessions one user may have, and what ending a login does to its sessions and tokens; real sockets. */
class EdgeSessionLimitsTest extends EdgeOnSocketTestBase {

    @Test
    void pastTheLimitTheNewestSessionIsRefusedWith4409AndTheOpenOnesKept() throws Exception {
        start(2);
        DesktopClient first = connect(tokens.issue(ALICE).value());
        DesktopClient second = connect(tokens.issue(ALICE).value());
        await().until(() -> edge.sessionsOf("alice") == 2);

        DesktopClient third = connect(tokens.issue(ALICE).value());

        assertThat(third.awaitClose()).isEqualTo(new DesktopClient.Close(4409, "too many sessions"));
        assertThat(edge.sessionsOf("alice")).isEqualTo(2);
        assertThat(edge.sendToUser("alice", pop("c1"))).isEqualTo(2);
        assertThat(json(first.next()).path("payload").path("callId").asString()).isEqualTo("c1");
        assertThat(json(second.next()).path("payload").path("callId").asString())
                .isEqualTo("c1");
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                        .tag("reason", "session-limit")
                        .counter()
                        .count())
                .isEqualTo(1));

        // another user is not affected, and a closed session makes room
        connect(tokens.issue(BOB).value());
        await().until(() -> edge.sessionsOf("bob") == 1);
        first.close();
        await().until(() -> edge.sessionsOf("alice") == 1);
        connect(tokens.issue(ALICE).value());
        await().until(() -> edge.sessionsOf("alice") == 2);
    }

    @Test
    void endingALoginClosesItsSessionsAndRefusesItsUnusedTokens() throws Exception {
        start(8);
        DesktopClient loggedOut = connect(tokens.issue(ALICE, "login-1").value());
        DesktopClient otherBrowser = connect(tokens.issue(ALICE, "login-2").value());
        String unused = tokens.issue(ALICE, "login-1").value();
        await().until(() -> edge.sessionsOf("alice") == 2);

        assertThat(edge.endLogin("alice", "login-1")).isEqualTo(1);

        assertThat(loggedOut.awaitClose()).isEqualTo(new DesktopClient.Close(4401, "logged out"));
        DesktopClient late = connect(unused);
        assertThat(late.awaitClose()).isEqualTo(new DesktopClient.Close(4401, "logged out"));
        assertThat(edge.sendToUser("alice", pop("c2"))).isEqualTo(1);
        assertThat(json(otherBrowser.next()).path("payload").path("callId").asString())
                .isEqualTo("c2");
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.AUTH_FAILURES)
                        .tag("reason", "revoked")
                        .counter()
                        .count())
                .isEqualTo(1));
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                        .tag("reason", "logged-out")
                        .counter()
                        .count())
                .isEqualTo(1));
    }

    @Test
    void endingAUserClosesEverySessionOfTheirsAndRefusesTheirTokensUntilResumed() throws Exception {
        start(8);
        DesktopClient browser = connect(tokens.issue(ALICE, "login-1").value());
        DesktopClient script = connect(tokens.issue(ALICE).value());
        DesktopClient bob = connect(tokens.issue(BOB).value());
        String unused = tokens.issue(ALICE).value();
        await().until(() -> edge.sessionsOf("alice") == 2 && edge.sessionsOf("bob") == 1);

        assertThat(edge.endUser("alice")).isEqualTo(2);

        assertThat(browser.awaitClose()).isEqualTo(new DesktopClient.Close(4401, "logged out"));
        assertThat(script.awaitClose()).isEqualTo(new DesktopClient.Close(4401, "logged out"));
        assertThat(connect(unused).awaitClose()).isEqualTo(new DesktopClient.Close(4401, "logged out"));
        assertThat(edge.sendToUser("bob", pop("c3"))).isEqualTo(1);
        assertThat(json(bob.next()).path("payload").path("callId").asString()).isEqualTo("c3");

        // reactivated: the tokens they are given open sessions again
        edge.resumeUser("alice");
        connect(tokens.issue(ALICE).value());
        await().until(() -> edge.sessionsOf("alice") == 1);
    }

    private void start(int maxSessionsPerUser) {
        start(EdgeTestSupport.properties()
                .maxSessionsPerUser(maxSessionsPerUser)
                .build());
    }

    private DesktopClient connect(String token) {
        DesktopClient client = DesktopClient.connect(edge.port(), token);
        clients.add(client);
        return client;
    }
}
