package io.switchboard.testing;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The REST API over real HTTP, as a user with HTTP Basic credentials (or as nobody). */
public final class Api {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final CookieManager cookies;
    private final int port;

    public Api(int port) {
        this(port, null);
    }

    private Api(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = cookies == null
                ? HttpClient.newHttpClient()
                : HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A browser: keeps the cookies the server sets (session, {@code XSRF-TOKEN}) and sends them back. */
    public static Api browser(int port) {
        return new Api(port, new CookieManager());
    }

    public HttpResponse<String> call(String method, String path, String user, String password, String jsonBody) {
        return send(request(method, path, user, password, jsonBody));
    }

    /** A request to build on (more headers), with a JSON body when one is given and Basic credentials for a user. */
    public HttpRequest.Builder request(String method, String path, String user, String password, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return user == null ? request : withBasic(request, user, password);
    }

    /** POSTs one file as the multipart field {@code file}, as an HTML form or {@code curl -F file=@...} does. */
    public HttpResponse<String> upload(String path, String user, String password, String fileName, String content) {
        return upload(path, user, password, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #upload(String, String, String, String, String)}, the file's bytes as they are (any encoding). */
    public HttpResponse<String> upload(String path, String user, String password, String fileName, byte[] content) {
        String boundary = "switchboard-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(user == null ? request : withBasic(request, user, password));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The value of a cookie this browser holds for the server, if it holds one. */
    public Optional<String> cookie(String name) {
        if (cookies == null) {
            return Optional.empty();
        }
        return cookies.getCookieStore().get(uri("/")).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /**
     * Asserts that the response refused the request as the API refuses bad input: a 400 problem
     * ({@code application/problem+json}) whose first error names {@code field}.
     */
    public static void assertRefused(HttpResponse<String> response, String field) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as(response.body())
                .isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type ->
                        org.assertj.core.api.Assertions.assertThat(type).startsWith("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(
                        json(response).path("errors").path(0).path("field").asText())
                .as(response.body())
                .isEqualTo(field);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder withBasic(HttpRequest.Builder request, String user, String password) {
        String credentials = user + ":" + password;
        return request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
