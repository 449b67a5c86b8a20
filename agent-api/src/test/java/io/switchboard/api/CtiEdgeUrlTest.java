package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.edge.EdgeProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WebSocket URL the token grant answers, for each deployment layout. */
class CtiEdgeUrlTest {

    @Test
    void withoutAPublicUrlTheEdgeIsOnThePagesHostWithItsOwnPort() {
        assertThat(CtiEdgeUrl.of(edge(null), 8090, new PageAddress("http", "10.1.2.3", 8080)))
                .isEqualTo("ws://10.1.2.3:8090/cti");
        assertThat(CtiEdgeUrl.of(edge(null), 8090, new PageAddress("https", "callcentre-srv", 443)))
                .isEqualTo("wss://callcentre-srv:8090/cti");
        assertThat(CtiEdgeUrl.of(edge(null), 8090, new PageAddress("http", "::1", 8080)))
                .isEqualTo("ws://[::1]:8090/cti");
        assertThat(CtiEdgeUrl.of(edge(null), 8090, new PageAddress("http", "[::1]", 8080)))
                .isEqualTo("ws://[::1]:8090/cti");
    }

    @Test
    void anAbsolutePublicUrlIsAnsweredAsItIs() {
        assertThat(CtiEdgeUrl.of(edge("wss://desk.example.com/cti"), 8090, new PageAddress("http", "10.1.2.3", 8080)))
                .isEqualTo("wss://desk.example.com/cti");
    }

    @Test
    void aPublicPathIsUnderThePagesOwnOrigin() {
        assertThat(CtiEdgeUrl.of(edge("/cti"), 8090, new PageAddress("https", "desk.example.com", 443)))
                .isEqualTo("wss://desk.example.com/cti");
        assertThat(CtiEdgeUrl.of(edge("/cti"), 8090, new PageAddress("http", "desk.example.com", 8080)))
                .isEqualTo("ws://desk.example.com:8080/cti");
    }

    private static EdgeProperties edge(String publicUrl) {
        return new EdgeProperties(
                true,
                "0.0.0.0",
                8090,
                "/cti",
                List.of(),
                true,
                publicUrl,
                "a-secret-of-at-least-thirty-two-bytes-long",
                Duration.ofSeconds(60),
                Duration.ofSeconds(20),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                8,
                65_536,
                256,
                32_768,
                65_536,
                16,
                2);
    }
}
