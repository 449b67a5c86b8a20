package io.switchboard.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgePropertiesTest {

    @Test
    void enabledEdgeNeedsASecretOfAtLeast32Bytes() {
        assertThatThrownBy(() -> properties(true, "short", List.of("https://desk.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.edge.token-secret");
        assertThatThrownBy(() -> properties(true, null, List.of("https://desk.example.com")))
                .hasMessageContaining("switchboard.edge.token-secret");
    }

    @Test
    void enabledEdgeNeedsAllowedOriginsOnlyWithoutSameHostOrigins() {
        assertThat(properties(true, EdgeTestSupport.SECRET, List.of()).sameHostOrigins())
                .isTrue();
        assertThatThrownBy(() ->
                        EdgeTestSupport.properties().origins().sameHost(false).build())
                .hasMessageContaining("switchboard.edge.allowed-origins");
    }

    @Test
    void publicUrlIsAWebSocketUrlOrAPath() {
        assertThat(withPublicUrl("wss://desk.example.com/cti").publicUrlIfSet()).contains("wss://desk.example.com/cti");
        assertThat(withPublicUrl("/cti").publicUrlIfSet()).contains("/cti");
        assertThat(withPublicUrl(" ").publicUrlIfSet()).isEmpty();
        for (String bad :
                List.of("https://desk.example.com/cti", "//desk.example.com/cti", "desk.example.com", "/cti?x")) {
            assertThatThrownBy(() -> withPublicUrl(bad)).as(bad).hasMessageContaining("switchboard.edge.public-url");
        }
    }

    @Test
    void sameHostPolicyAllowsPagesOfTheHostTheBrowserConnectedTo() {
        OriginPolicy policy = new OriginPolicy(List.of("https://desk.example.com"), true);

        assertThat(policy.allows("http://10.1.2.3:8080", "10.1.2.3:8090")).isTrue();
        assertThat(policy.allows("http://Desk.Switchboard.Test:8080", "desk.switchboard.test:8090"))
                .isTrue();
        assertThat(policy.allows("http://[::1]:8080", "[::1]:8090")).isTrue();
        assertThat(policy.allows("https://desk.example.com", "127.0.0.1:8090")).isTrue();
        assertThat(policy.allows("http://evil.example", "10.1.2.3:8090")).isFalse();
        assertThat(policy.allows("http://10.1.2.3.evil.example", "10.1.2.3:8090"))
                .isFalse();
        assertThat(policy.allows("http://10.1.2.3:8080", null)).isFalse();
        assertThat(policy.allows(null, "10.1.2.3:8090")).isFalse();
        assertThat(new OriginPolicy(List.of("https://desk.example.com"), false)
                        .allows("http://10.1.2.3:8080", "10.1.2.3:8090"))
                .isFalse();
    }

    @Test
    void disabledEdgeNeedsNeither() {
        assertThat(properties(false, null, List.of()).enabled()).isFalse();
    }

    @Test
    void originsMustBeOriginsNotUrls() {
        assertThatThrownBy(() -> properties(true, EdgeTestSupport.SECRET, List.of("https://desk.example.com/app")))
                .hasMessageContaining("allowed-origins");
        assertThatThrownBy(() -> properties(true, EdgeTestSupport.SECRET, List.of("desk.example.com")))
                .hasMessageContaining("allowed-origins");
    }

    @Test
    void idleTimeoutMustBeLongerThanThePingInterval() {
        assertThatThrownBy(() -> EdgeTestSupport.properties()
                        .heartbeat(Duration.ofSeconds(30), Duration.ofSeconds(30))
                        .build())
                .hasMessageContaining("idle-timeout");
    }

    @Test
    void printedPropertiesHideTheSecret() {
        assertThat(EdgeTestSupport.properties().build().toString())
                .doesNotContain(EdgeTestSupport.SECRET)
                .contains("tokenSecret=****");
    }

    @Test
    void originPolicyComparesNormalisedOrigins() {
        OriginPolicy policy = new OriginPolicy(List.of("https://Desk.Example.com:443", "http://localhost:8080"));

        assertThat(policy.allows("https://desk.example.com")).isTrue();
        assertThat(policy.allows("http://localhost:8080")).isTrue();
        assertThat(policy.allows("http://localhost:8081")).isFalse();
        assertThat(policy.allows("http://desk.example.com")).isFalse();
        assertThat(policy.allows("https://desk.example.com.evil.example")).isFalse();
        assertThat(policy.allows("null")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void starAllowsEveryOriginEvenNone() {
        OriginPolicy policy = new OriginPolicy(List.of("*"));

        assertThat(policy.allows("https://anything.example")).isTrue();
        assertThat(policy.allows(null)).isTrue();
    }

    private static EdgeProperties withPublicUrl(String url) {
        EdgeProperties base = EdgeTestSupport.properties().build();
        return new EdgeProperties(
                true,
                base.host(),
                base.port(),
                base.path(),
                base.allowedOrigins(),
                true,
                url,
                EdgeTestSupport.SECRET,
                base.tokenTtl(),
                base.pingInterval(),
                base.idleTimeout(),
                base.handshakeTimeout(),
                base.maxSessionsPerUser(),
                base.maxFrameBytes(),
                base.pendingLimit(),
                base.writeBufferLowBytes(),
                base.writeBufferHighBytes(),
                base.retainedLimit(),
                base.ioThreads());
    }

    private static EdgeProperties properties(boolean enabled, String secret, List<String> origins) {
        return new EdgeProperties(
                enabled,
                "127.0.0.1",
                8090,
                "/cti",
                origins,
                true,
                null,
                secret,
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
