package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo as a newcomer starts it: simulator, gateway, calls flowing, health and metrics served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoApplicationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void simulatorOnAFreePort(DynamicPropertyRegistry registry) throws IOException {
        int amiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            amiPort = socket.getLocalPort();
        }
        registry.add("switchboard.ami.port", () -> amiPort);
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("switchboard.simulator.time-scale", () -> 20);
        registry.add("switchboard.simulator.calls-per-second", () -> 1);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    @Test
    void theDemoTracksSimulatedCallsAndReportsThemInHealthAndMetrics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get("/actuator/health")).contains("\"amiLink\"").contains("\"state\":\"UP\"");
            String metrics = get("/actuator/prometheus");
            assertThat(metrics).contains("switchboard_calls_started_total");
            assertThat(metrics)
                    .containsPattern(
                            "switchboard_calls_ended_total\\{direction=\"inbound\",outcome=\"answered\"} [1-9]");
        });
    }
}
