package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document, called with malformed and boundary values in its path, query and body,
 * by users of every role in turn: none may answer 500, every refusal is an RFC 9457 problem, and no detail names a
 * Java type. The document drives it, so a new endpoint is fuzzed without anyone adding it here.
 *
 * <p>Path parameters are never the id of an existing row, so nothing of the other tests' is changed or deleted; the
 * endpoints that command the PBX (click-to-dial, the agent's own queue and pause commands) are left out, because a
 * well-formed value there rings a phone.
 */
class OpenApiFuzzTest extends ApplicationOnPostgres {

    private static final List<String> PATH_VALUES =
            List.of("-1", "abc", "99999999999999999999", "a%2fb", "%E2%82%AC", "x".repeat(300));

    private static final List<String> QUERY_VALUES =
            List.of("-1", "abc", "", "99999999999999999999", "\u0000", "y".repeat(5000));

    private static final List<String> BODIES =
            List.of("", "null", "[]", "{\"x\":", "\"text\"", "{\"a\":1,\"a\":2}", "[null]");

    /** Each set as the only field of an object; the 70,000 characters only into the first field of a body. */
    private static final List<String> FIELD_VALUES = List.of(
            "null",
            "\"\"",
            "-1",
            "true",
            "[null]",
            "{}",
            "\"NOT_A_VALUE\"",
            "99999999999999999999999",
            "\"line\\r\\nbreak\"",
            "\"nul\\u0000\"");

    private static final String HUGE = "\"" + "z".repeat(70_000) + "\"";

    /** Operations that command the PBX: fuzzing them with well-formed values would ring phones. */
    private static final Set<String> PBX_COMMANDS = Set.of("POST /api/v1/calls");

    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void noOperationAnswersAServerErrorOrAnythingButAProblem() {
        JsonNode document = Api.json(call("GET", "/api/v1/openapi", TestUser.ADMIN, null));
        JsonNode schemas = document.path("components").path("schemas");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String endpoint = method + " " + path.getKey();
                if (PBX_COMMANDS.contains(endpoint) || path.getKey().startsWith("/api/v1/agents/me")) {
                    continue;
                }
                operations++;
                fuzz(method, path.getKey(), operation.getValue(), schemas);
            }
        }

        assertThat(operations).isGreaterThan(40);
        assertThat(failures).as("%d of %d requests", failures.size(), requests).isEmpty();
    }

    private void fuzz(String method, String template, JsonNode operation, JsonNode schemas) {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "path" -> pathParameters.add(name);
                case "query" -> queryParameters.add(name);
                default -> {}
            }
        });
        String base = fill(template, pathParameters, null, null);
        for (String name : pathParameters) {
            for (String value : PATH_VALUES) {
                send(method, fill(template, pathParameters, name, value), null, null);
            }
        }
        for (String name : queryParameters) {
            for (String value : QUERY_VALUES) {
                send(method, base + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), null, null);
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("multipart/form-data")) {
            for (String body :
                    List.of("", "--b\r\n", "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx")) {
                send(method, base, "multipart/form-data; boundary=b", body);
            }
        }
        content.properties().stream()
                .map(Map.Entry::getKey)
                .filter(type -> type.contains("json"))
                .findFirst()
                .ifPresent(type -> {
                    BODIES.forEach(body -> send(method, base, type, body));
                    List<String> fields = fields(content.path(type).path("schema"), schemas);
                    for (String field : fields) {
                        for (String value : FIELD_VALUES) {
                            send(method, base, type, "{\"" + field + "\":" + value + "}");
                        }
                    }
                    if (!fields.isEmpty()) {
                        send(method, base, type, "{\"" + fields.get(0) + "\":" + HUGE + "}");
                    }
                });
        for (TestUser user : TestUser.values()) {
            check(method + " " + base + " as " + user, request(user, method, base, null, null));
        }
    }

    /** The properties of a body's schema, following a {@code $ref} into the components. */
    private static List<String> fields(JsonNode schema, JsonNode schemas) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            resolved = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        List<String> fields = new ArrayList<>();
        resolved.path("properties").propertyNames().forEach(fields::add);
        return fields;
    }

    private static String fill(String template, List<String> names, String fuzzed, String value) {
        String path = template;
        for (String name : names) {
            path = path.replace("{" + name + "}", name.equals(fuzzed) ? value : "0");
        }
        return path;
    }

    /** One request, by the next user in turn: every operation meets every role across its variants. */
    private void send(String method, String path, String contentType, String body) {
        TestUser user = TestUser.values()[requests % TestUser.values().length];
        check(
                method + " " + path + " as " + user + (body == null ? "" : " with " + abbreviated(body)),
                request(user, method, path, contentType, body));
    }

    private HttpResponse<String> request(TestUser user, String method, String path, String contentType, String body) {
        requests++;
        HttpRequest.Builder request = api.request(method, path, user.username, TestUser.PASSWORD, null);
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return api.send(request);
    }

    private void check(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500 && status != 502 && status != 503) {
            failures.add(what + " -> " + status + " " + abbreviated(response.body()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " " + type + " " + abbreviated(response.body()));
        } else if (status >= 400) {
            String detail = Api.json(response).path("detail").asText();
            if (detail.contains("java.") || detail.contains("org.") || detail.contains("Exception")) {
                failures.add(what + " -> " + status + " names Java: " + abbreviated(detail));
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
