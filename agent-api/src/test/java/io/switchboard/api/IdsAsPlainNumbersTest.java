package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every id the API returns is a plain number ({@code "id": 12}, never {@code {"value": 12}}), it takes them back the
 * same way, and the OpenAPI document describes them so.
 */
class IdsAsPlainNumbersTest extends ApplicationOnPostgres {

    @Test
    void contactsAndTicketsCarryTheirIdsAsNumbers() {
        JsonNode contact = Api.json(
                call(
                        "POST",
                        "/api/v1/contacts",
                        TestUser.AGENT,
                        "{\"name\":\"Plain Number\",\"company\":\"Ids Ltd\",\"phones\":[{\"type\":\"WORK\",\"number\":\"+49 30 5557 0950\"}]}"));
        HttpResponse<String> opened = call(
                "POST",
                "/api/v1/tickets",
                TestUser.AGENT,
                "{\"subject\":\"Plain ids\",\"contact\":" + contact.path("id") + "}");

        assertThat(contact.path("id").isIntegralNumber()).as(contact.toString()).isTrue();
        assertThat(contact.path("owner").asLong())
                .isEqualTo(user(TestUser.AGENT).id().value());
        assertThat(contact.path("team").isIntegralNumber())
                .as(contact.toString())
                .isTrue();
        assertThat(contact.path("account").path("id").isIntegralNumber())
                .as(contact.toString())
                .isTrue();
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode ticket = Api.json(opened);
        assertThat(ticket.path("id").isIntegralNumber()).as(ticket.toString()).isTrue();
        assertThat(ticket.path("contact").asLong()).isEqualTo(contact.path("id").asLong());
    }

    @Test
    void theOpenApiDocumentSaysIdsAreIntegers() {
        JsonNode schemas = Api.json(call("GET", "/api/v1/openapi", TestUser.AGENT, null))
                .path("components")
                .path("schemas");

        assertThat(schemas.path("Contact")
                        .path("properties")
                        .path("id")
                        .path("type")
                        .asText())
                .as(schemas.path("Contact").toString())
                .isEqualTo("integer");
        assertThat(schemas.path("Contact")
                        .path("properties")
                        .path("owner")
                        .path("type")
                        .asText())
                .isEqualTo("integer");
        assertThat(schemas.has("ContactId")).as("a schema of a wrapped id").isFalse();
        assertThat(schemas.has("UserId")).as("a schema of a wrapped id").isFalse();
        assertThat(schemas.has("TicketId")).as("a schema of a wrapped id").isFalse();
    }
}
