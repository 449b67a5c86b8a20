package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each queue an event names becomes a wallboard row: only well-formed names, and not without bound. */
class WebhookQueuesTest {

    @Test
    void newQueueNamesStopAtTheCapWhileKnownOnesGoOn() throws InvalidEventException {
        WebhookEventReader reader = new WebhookEventReader(new WebhookQueues(List.of(), 2));

        reader.read(event("a", "support"));
        reader.read(event("b", "sales"));
        InvalidEventException third =
                catchThrowableOfType(InvalidEventException.class, () -> reader.read(event("c", "billing")));
        reader.read(event("d", "support"));

        assertThat(third.errors()).extracting(FieldError::field).containsExactly("queue");
        assertThat(third.getMessage()).contains("max-queues");
    }

    @Test
    void aConfiguredListIsTheOnlyQueuesTaken() throws InvalidEventException {
        WebhookEventReader reader = new WebhookEventReader(new WebhookQueues(List.of("support"), 100));

        reader.read(event("a", "support"));
        InvalidEventException other =
                catchThrowableOfType(InvalidEventException.class, () -> reader.read(event("b", "sales")));

        assertThat(other.errors()).extracting(FieldError::field).containsExactly("queue");
    }

    @Test
    void namesWithMarkupOrControlCharactersAreRefused() {
        WebhookEventReader reader = new WebhookEventReader();

        for (String name : List.of("<script>", "a\\nb", "x".repeat(65), " leading", "tab\\tqueue")) {
            InvalidEventException refused =
                    catchThrowableOfType(InvalidEventException.class, () -> reader.read(event("e", name)));
            assertThat(refused).as(name).isNotNull();
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("queue");
        }
    }

    private static byte[] event(String id, String queue) {
        return new CallScript("c-" + id).inbound("+4930123456", "500", queue).getBytes(StandardCharsets.UTF_8);
    }
}
