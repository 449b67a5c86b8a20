package io.switchboard.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EdgeConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EdgeConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void enabledEdgeListensWhileTheContextRunsAndIssuesTokens() {
        int[] port = {-1};
        runner.withPropertyValues(
                        "switchboard.edge.enabled=true",
                        "switchboard.edge.port=0",
                        "switchboard.edge.token-secret=" + EdgeTestSupport.SECRET,
                        "switchboard.edge.allowed-origins=https://desk.example.com,http://localhost:8080",
                        "switchboard.edge.token-ttl=30s",
                        "switchboard.edge.ping-interval=5s",
                        "switchboard.edge.idle-timeout=15s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EdgeProperties properties = context.getBean(EdgeProperties.class);
                    assertThat(properties.allowedOrigins()).hasSize(2);
                    assertThat(properties.tokenTtl()).isEqualTo(Duration.ofSeconds(30));
                    // every interface, as the pages' server listens unless server.address says otherwise
                    assertThat(properties.host()).isEqualTo("0.0.0.0");
                    assertThat(properties.sameHostOrigins()).isTrue();
                    assertThat(properties.maxSessionsPerUser()).isEqualTo(8);
                    assertThat(properties.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));

                    port[0] = context.getBean(CtiEdge.class).port();
                    assertThat(port[0]).isPositive();
                    assertThat(accepts(port[0])).isTrue();

                    EdgeTokens tokens = context.getBean(EdgeTokens.class);
                    assertThat(tokens.verify(tokens.issue(EdgeTestSupport.ALICE).value()))
                            .isEqualTo(EdgeTestSupport.ALICE);
                });
        assertThat(accepts(port[0])).isFalse();
    }

    @Test
    void edgeIsOffUnlessEnabled() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(CtiEdge.class);
            assertThat(context).doesNotHaveBean(EdgeTokens.class);
        });
    }

    @Test
    void enabledEdgeWithoutSecretFailsStartupSayingWhy() {
        runner.withPropertyValues("switchboard.edge.enabled=true", "switchboard.edge.allowed-origins=*")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("switchboard.edge.token-secret must be set"));
    }

    @Test
    void portInUseFailsStartupSayingWhich() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            runner.withPropertyValues(
                            "switchboard.edge.enabled=true",
                            "switchboard.edge.host=127.0.0.1",
                            "switchboard.edge.port=" + taken.getLocalPort(),
                            "switchboard.edge.token-secret=" + EdgeTestSupport.SECRET,
                            "switchboard.edge.allowed-origins=*")
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .hasStackTraceContaining(
                                    "The CTI edge cannot listen on 127.0.0.1:" + taken.getLocalPort()));
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
