package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo as the README starts it: {@code java -jar agent-api/target/switchboard.jar} with no arguments but free
 * ports, in an empty directory (its H2 database goes to {@code ./data} there). Runs after packaging (failsafe).
 */
class DemoJarIT {

    @Test
    void theDemoJarStartsAndReportsHealthUp() throws Exception {
        Path jar = Path.of("target", "switchboard.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path workDir = Files.createTempDirectory("switchboard-demo");
        int http = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + http,
                        "--switchboard.ami.port=" + freePort(),
                        "--switchboard.edge.port=" + freePort()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("demo.log").toFile());
        Process demo = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(demo.isAlive()).as("demo process alive").isTrue();
                        HttpResponse<String> health = client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/actuator/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(health.statusCode()).isEqualTo(200);
                        assertThat(health.body()).contains("\"status\":\"UP\"");
                    });
            assertThat(workDir.resolve("data")).isDirectory();
        } finally {
            demo.destroy();
            if (!demo.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
