package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.BOB;
import static io.switchboard.gateway.edge.EdgeTestSupport.ORIGIN;
import static io.switchboard.gateway.edge.EdgeTestSupport.SECRET;
import static io.switchboard.gateway.edge.EdgeTestSupport.SUE;
import static io.switchboard.gateway.edge.EdgeTestSupport.json;
import static io.switchboard.gateway.edge.EdgeTestSupport.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The edge on a real loopback socket, with the JDK's WebSocket client as the desktop. */
class CtiEdgeSocketTest extends EdgeOnSocketTestBase {

    @Test
    void desktopWithValidTokenReceivesItsUsersMessages() throws Exception {
        start(EdgeTestSupport.properties());
        DesktopClient alice = connect(ALICE);

        assertThat(edge.sendToUser("alice", pop("1700000000.1"))).isEqualTo(1);

        var frame = json(alice.next());
        assertThat(frame.path("type").asString()).isEqualTo("screenPop");
        assertThat(frame.path("payload").path("callId").asString()).isEqualTo("1700000000.1");
        assertThat(edge.sessionCount()).isEqualTo(1);
        assertThat(registry.get(EdgeMetrics.SESSIONS).gauge().value()).isEqualTo(1);
    }

    @Test
    void popReachesEveryDesktopOfTheAgentAndNoOneElse() throws Exception {
        start(EdgeTestSupport.properties());
        DesktopClient desk = connect(ALICE);
        DesktopClient laptop = connect(ALICE);
        DesktopClient bob = connect(BOB);

        assertThat(edge.sendToUser("alice", pop("c1"))).isEqualTo(2);

        assertThat(json(desk.next()).path("payload").path("callId").asString()).isEqualTo("c1");
        assertThat(json(laptop.next()).path("payload").path("callId").asString())
                .isEqualTo("c1");
        assertThat(bob.poll(200)).isNull();
        assertThat(edge.sessionsOf("alice")).isEqualTo(2);
        assertThat(edge.sessionsOf("bob")).isEqualTo(1);
        assertThat(edge.sendToUser("carol", pop("c1"))).isZero();
    }

    @Test
    void publishReachesTheChosenAudience() throws Exception {
        start(EdgeTestSupport.properties());
        DesktopClient alice = connect(ALICE);
        DesktopClient sue = connect(SUE);

        int reached = edge.publish(
                java.util.Set.of("SUPERVISOR", "AGENT"),
                user -> user.hasRole("SUPERVISOR") && "7".equals(user.team()),
                EdgeMessage.replaceable(EdgeMessage.QUEUE_SNAPSHOT, "sales", Map.of("queue", "sales", "waiting", 3)));

        assertThat(reached).isEqualTo(1);
        assertThat(json(sue.next()).path("payload").path("waiting").asInt()).isEqualTo(3);
        assertThat(alice.poll(200)).isNull();

        // only the named roles' sessions are looked at, whatever the predicate accepts
        assertThat(edge.publish(
                        java.util.Set.of("AGENT"),
                        user -> true,
                        EdgeMessage.replaceable(EdgeMessage.QUEUE_SNAPSHOT, "sales", Map.of("queue", "sales"))))
                .isEqualTo(1);
        assertThat(json(alice.next()).path("payload").path("queue").asString()).isEqualTo("sales");
        assertThat(sue.poll(200)).isNull();
    }

    @Test
    void desktopOpenedWhileAPopIsRetainedGetsItUntilReleased() throws Exception {
        start(EdgeTestSupport.properties());
        DesktopClient first = connect(ALICE);

        assertThat(edge.retain("alice", "c1", pop("c1"))).isEqualTo(1);
        assertThat(json(first.next()).path("payload").path("callId").asString()).isEqualTo("c1");

        DesktopClient reconnected = connect(ALICE);
        assertThat(json(reconnected.next()).path("payload").path("callId").asString())
                .isEqualTo("c1");

        assertThat(edge.release("alice", "c1")).isTrue();
        edge.sendToUser("alice", EdgeMessage.essential(EdgeMessage.POP_WITHDRAWN, Map.of("callId", "c1")));
        DesktopClient later = connect(ALICE);
        assertThat(later.poll(300)).isNull();
        assertThat(json(reconnected.next()).path("type").asString()).isEqualTo("popWithdrawn");
        assertThat(edge.release("alice", "c1")).isFalse();
    }

    @Test
    void popRetainedBeforeTheDesktopConnectsArrivesOnConnect() throws Exception {
        start(EdgeTestSupport.properties());

        assertThat(edge.retain("alice", "c9", pop("c9"))).isZero();
        DesktopClient alice = connect(ALICE);

        assertThat(json(alice.next()).path("payload").path("callId").asString()).isEqualTo("c9");
    }

    @Test
    void popReplayedToADesktopThatConnectsLaterIsCountedApartFromPopLatency() throws Exception {
        start(EdgeTestSupport.properties());
        // rang half a minute ago, while the desktop was away
        assertThat(edge.retain("alice", "c7", pop("c7").withOrigin(Instant.now().minusSeconds(30))))
                .isZero();

        DesktopClient alice = connect(ALICE);
        assertThat(json(alice.next()).path("payload").path("callId").asString()).isEqualTo("c7");
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.REPLAYED)
                        .tag("type", "screenPop")
                        .counter()
                        .count())
                .isEqualTo(1));
        assertThat(registry.find(EdgeMetrics.POP_LATENCY).timers()).isEmpty();

        // a pop live to the open desktop is timed as before
        edge.retain("alice", "c8", pop("c8").withOrigin(Instant.now()));
        assertThat(json(alice.next()).path("payload").path("callId").asString()).isEqualTo("c8");
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.POP_LATENCY)
                        .tag("type", "screenPop")
                        .timer()
                        .count())
                .isEqualTo(1));
        assertThat(registry.get(EdgeMetrics.POP_LATENCY).timer().max(java.util.concurrent.TimeUnit.SECONDS))
                .isLessThan(30);
        assertThat(registry.get(EdgeMetrics.REPLAYED).counter().count()).isEqualTo(1);
    }

    @Test
    void expiredTokenIsClosedWith4401TokenExpired() {
        start(EdgeTestSupport.properties());
        EdgeTokens lastHour = new EdgeTokens(
                SECRET, Duration.ofSeconds(60), Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC));

        DesktopClient client =
                DesktopClient.connect(edge.port(), lastHour.issue(ALICE).value());
        clients.add(client);

        assertThat(client.awaitClose()).isEqualTo(new DesktopClient.Close(4401, "token expired"));
        assertThat(edge.sessionCount()).isZero();
    }

    @Test
    void tokenWithABadSignatureIsClosedWith4401InvalidToken() {
        start(EdgeTestSupport.properties());
        String forged = new EdgeTokens("not-the-servers-secret-but-32-bytes-long", Duration.ofSeconds(60))
                .issue(ALICE)
                .value();

        DesktopClient client = DesktopClient.connect(edge.port(), forged);
        clients.add(client);

        assertThat(client.awaitClose()).isEqualTo(new DesktopClient.Close(4401, "invalid token"));
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.AUTH_FAILURES)
                        .tag("reason", "bad-signature")
                        .counter()
                        .count())
                .isEqualTo(1));
    }

    @Test
    void handshakeFromADisallowedOriginIsRefusedWith403() {
        start(EdgeTestSupport.properties());
        String token = tokens.issue(ALICE).value();

        assertThatThrownBy(() -> DesktopClient.connect(edge.port(), "/cti?token=" + token, "https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                        .tag("reason", "origin")
                        .counter()
                        .count())
                .isEqualTo(1));
    }

    @Test
    void pageOfTheHostTheDesktopConnectedToNeedsNoConfiguredOrigin() throws Exception {
        start(EdgeTestSupport.properties().origins());
        DesktopClient sameHost = DesktopClient.connect(
                edge.port(), "/cti?token=" + tokens.issue(ALICE).value(), "http://127.0.0.1:8080");
        clients.add(sameHost);
        // the session is registered on the server's I/O thread just after the handshake
        await().atMost(Duration.ofSeconds(2)).until(() -> edge.sessionCount() == 1);

        assertThat(edge.sendToUser("alice", pop("c1"))).isEqualTo(1);
        assertThat(json(sameHost.next()).path("type").asString()).isEqualTo("screenPop");
        assertThatThrownBy(() -> DesktopClient.connect(
                        edge.port(), "/cti?token=" + tokens.issue(ALICE).value(), "http://localhost:8080"))
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void sameHostOriginsCanBeSwitchedOff() {
        start(EdgeTestSupport.properties().sameHost(false));

        assertThatThrownBy(() -> DesktopClient.connect(
                        edge.port(), "/cti?token=" + tokens.issue(ALICE).value(), "http://127.0.0.1:8080"))
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void tokenMayTravelAsASubprotocol() throws Exception {
        start(EdgeTestSupport.properties());
        DesktopClient client = DesktopClient.connect(
                edge.port(),
                "/cti",
                ORIGIN,
                "switchboard.v1",
                "switchboard.token." + tokens.issue(ALICE).value());
        clients.add(client);

        assertThat(client.socket().getSubprotocol()).isEqualTo("switchboard.v1");
        await().atMost(Duration.ofSeconds(2)).until(() -> edge.sessionCount() == 1);
        edge.sendToUser("alice", pop("c1"));
        assertThat(json(client.next()).path("type").asString()).isEqualTo("screenPop");
    }

    @Test
    void clientPingIsAnsweredWithPongAndUnknownMessagesWithAnError() throws Exception {
        start(EdgeTestSupport.properties());
        DesktopClient alice = connect(ALICE);

        alice.send("{\"type\":\"ping\"}");
        assertThat(alice.next()).isEqualTo("{\"type\":\"pong\"}");

        alice.send("{\"type\":\"hangup\"}");
        assertThat(json(alice.next()).path("payload").path("code").asString()).isEqualTo("unknown-type");
    }

    @Test
    void frameAboveTheSizeLimitClosesTheSession() {
        start(EdgeTestSupport.properties().maxFrameBytes(1024));
        DesktopClient alice = connect(ALICE);

        alice.socket().sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2048) + "\"}", true);

        assertThat(alice.awaitClose().code()).isEqualTo(1009);
        await().untilAsserted(() -> assertThat(edge.sessionCount()).isZero());
    }

    @Test
    void clientThatAnswersPingsOutlivesTheIdleTimeout() throws Exception {
        start(EdgeTestSupport.properties().heartbeat(Duration.ofMillis(100), Duration.ofMillis(300)));
        DesktopClient alice = connect(ALICE);

        Thread.sleep(900);

        assertThat(alice.isClosed()).isFalse();
        edge.sendToUser("alice", pop("c1"));
        assertThat(json(alice.next()).path("type").asString()).isEqualTo("screenPop");
    }

    @Test
    void stoppingTheEdgeClosesSessionsWithGoingAway() {
        start(EdgeTestSupport.properties());
        DesktopClient alice = connect(ALICE);

        edge.close();

        assertThat(alice.awaitClose()).isEqualTo(new DesktopClient.Close(1001, "server shutting down"));
    }

    private void start(EdgeTestSupport.Props properties) {
        start(properties.build());
    }

    private DesktopClient connect(EdgeUser user) {
        DesktopClient client =
                DesktopClient.connect(edge.port(), tokens.issue(user).value());
        clients.add(client);
        // the session is registered on the server's I/O thread just after the handshake
        await().atMost(Duration.ofSeconds(2)).until(() -> edge.sessionCount() == clients.size());
        return client;
    }
}
