package io.switchboard.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared test settings: a secret, an allowed origin, and an {@link EdgeProperties} builder. */
final class EdgeTestSupport {

    static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";
    static final String ORIGIN = "https://desk.example.com";
    static final EdgeUser ALICE = new EdgeUser("alice", "AGENT", "7", "1001");
    static final EdgeUser BOB = new EdgeUser("bob", "AGENT", "7", "1002");
    static final EdgeUser SUE = new EdgeUser("sue", "SUPERVISOR", "7", null);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EdgeTestSupport() {}

    static Props properties() {
        return new Props();
    }

    static EdgeTokens tokens() {
        return new EdgeTokens(SECRET, Duration.ofSeconds(60));
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static EdgeMessage pop(String callId) {
        return EdgeMessage.essential(EdgeMessage.SCREEN_POP, Map.of("callId", callId));
    }

    static EdgeMessage snapshot(String queue, int seq) {
        return EdgeMessage.replaceable(EdgeMessage.QUEUE_SNAPSHOT, queue, Map.of("queue", queue, "seq", seq));
    }

    /** Test-only builder over the properties record; defaults suit a loopback server on a random port. */
    static final class Props {
        List<String> origins = List.of(ORIGIN);
        Duration pingInterval = Duration.ofSeconds(20);
        Duration idleTimeout = Duration.ofSeconds(60);
        int maxFrameBytes = 65_536;
        int pendingLimit = 256;
        int low = 32 * 1024;
        int high = 64 * 1024;
        int retainedLimit = 16;
        int port = 0;
        boolean sameHost = true;
        Duration handshakeTimeout = Duration.ofSeconds(10);
        int maxSessionsPerUser = 8;

        Props origins(String... origins) {
            this.origins = List.of(origins);
            return this;
        }

        Props heartbeat(Duration pingInterval, Duration idleTimeout) {
            this.pingInterval = pingInterval;
            this.idleTimeout = idleTimeout;
            return this;
        }

        Props maxFrameBytes(int bytes) {
            this.maxFrameBytes = bytes;
            return this;
        }

        Props pendingLimit(int messages) {
            this.pendingLimit = messages;
            return this;
        }

        Props waterMarks(int low, int high) {
            this.low = low;
            this.high = high;
            return this;
        }

        Props retainedLimit(int limit) {
            this.retainedLimit = limit;
            return this;
        }

        Props sameHost(boolean sameHost) {
            this.sameHost = sameHost;
            return this;
        }

        Props handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        Props maxSessionsPerUser(int sessions) {
            this.maxSessionsPerUser = sessions;
            return this;
        }

        Props port(int port) {
            this.port = port;
            return this;
        }

        EdgeProperties build() {
            return new EdgeProperties(
                    true,
                    "127.0.0.1",
                    port,
                    "/cti",
                    origins,
                    sameHost,
                    null,
                    SECRET,
                    Duration.ofSeconds(60),
                    pingInterval,
                    idleTimeout,
                    handshakeTimeout,
                    maxSessionsPerUser,
                    maxFrameBytes,
                    pendingLimit,
                    low,
                    high,
                    retainedLimit,
                    1);
        }
    }
}
