package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Swagger UI at {@code /api/v1/docs.html}: every role that may read the API's description gets the page and
 * everything it loads (its scripts, styles and configuration), and nobody without credentials does.
 */
class SwaggerUiTest extends ApplicationOnPostgres {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"\\.?/?([^\"#?]+\\.(?:css|js|png))\"");

    @Test
    void everyRoleGetsTheSwaggerUiAndItsAssets() {
        for (TestUser user : TestUser.values()) {
            HttpResponse<String> redirect = call("GET", "/api/v1/docs.html", user, null);
            assertThat(redirect.statusCode()).as(user + " docs.html").isEqualTo(302);
            String page = path(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(page).startsWith("/api/v1/swagger-ui/");

            HttpResponse<String> index = call("GET", page, user, null);
            assertThat(index.statusCode()).as(user + " " + page).isEqualTo(200);
            assertThat(index.body()).contains("swagger-ui");

            String folder = page.substring(0, page.lastIndexOf('/') + 1);
            List<String> assets = ASSET.matcher(index.body())
                    .results()
                    .map(match -> folder + match.group(1))
                    .toList();
            assertThat(assets).as("the page's scripts and styles").isNotEmpty();
            for (String asset : assets) {
                assertThat(call("GET", asset, user, null).statusCode())
                        .as(user + " " + asset)
                        .isEqualTo(200);
            }
            HttpResponse<String> initializer = call("GET", folder + "swagger-initializer.js", user, null);
            assertThat(initializer.statusCode()).isEqualTo(200);
            String configUrl = configUrlOf(initializer.body());
            HttpResponse<String> config = call("GET", configUrl, user, null);
            assertThat(config.statusCode()).as(user + " " + configUrl).isEqualTo(200);
            assertThat(config.body()).contains("/api/v1/openapi");
        }
    }

    @Test
    void nobodyGetsNeitherThePageNorItsAssets() {
        assertThat(api.call("GET", "/api/v1/swagger-ui/index.html", null, null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/swagger-ui/swagger-initializer.js", null, null, null)
                        .statusCode())
                .isEqualTo(401);
    }

    private static String configUrlOf(String initializer) {
        Matcher match = Pattern.compile("\"configUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(initializer);
        assertThat(match.find()).as("configUrl in " + initializer).isTrue();
        return match.group(1);
    }

    private static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath();
    }
}
