package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The application's REST API as the benchmark uses it: one shared HTTP client, HTTP Basic on every request. */
final class BenchApi {

    static final String PASSWORD = "bench-password";
    static final String ADMIN = "bench-admin";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A CTI session token, the port of the edge and its path. */
    record CtiToken(String token, int port, String path) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    BenchApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code POST /api/v1/cti/token} as {@code username}: one token opens one session. */
    CompletableFuture<CtiToken> ctiToken(String username) {
        HttpRequest request = as(username, "/api/v1/cti/token")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonNode body = ok(response);
            return new CtiToken(
                    body.path("token").asText(),
                    body.path("port").asInt(),
                    body.path("path").asText());
        });
    }

    /** Imports a CSV of contacts visible to everyone ({@code COMPANY}), as the admin. */
    JsonNode importContacts(String csv) {
        String boundary = "popbench" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = as(ADMIN, "/api/v1/contacts/import?visibility=COMPANY")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    /**
     * A value of an actuator metric as the admin: the sum of its {@code VALUE} (gauges) or {@code COUNT}
     * (counters) measurements over the series matching {@code tag} ({@code name:value}, or null for all).
     */
    double metric(String name, String tag) {
        String path = "/actuator/metrics/" + name
                + (tag == null ? "" : "?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        JsonNode body = send(as(ADMIN, path).GET().build());
        for (JsonNode measurement : body.path("measurements")) {
            String statistic = measurement.path("statistic").asText();
            if (statistic.equals("VALUE") || statistic.equals("COUNT")) {
                return measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("Metric " + name + " has no value: " + body);
    }

    /** The Prometheus scrape, as the admin. */
    String prometheus() {
        HttpRequest request = as(ADMIN, "/actuator/prometheus").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /actuator/prometheus: " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder as(String username, String path) {
        String credentials = username + ":" + PASSWORD;
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode send(HttpRequest request) {
        try {
            return ok(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri().getPath() + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
