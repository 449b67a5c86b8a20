package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.webhook.WebhookEvent.Answered;
import io.switchboard.gateway.webhook.WebhookHandOff.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Recognising a PBX's retries: by event id, within a bounded window, and never remembering what was not taken. */
class WebhookDedupTest {

    private static WebhookEvent event(String id) {
        return new Answered(id, "c-1", Instant.EPOCH, "1001");
    }

    @Test
    void anIdIsForgottenAfterTheWindow() {
        RecentEventIds ids = new RecentEventIds(100, Duration.ofMinutes(10));
        ids.add("e-1", 0);
        ids.add("e-2", Duration.ofMinutes(5).toMillis());

        assertThat(ids.contains("e-1", Duration.ofMinutes(10).toMillis())).isTrue();
        assertThat(ids.contains("e-1", Duration.ofMinutes(10).toMillis() + 1)).isFalse();
        assertThat(ids.contains("e-2", Duration.ofMinutes(10).toMillis() + 1)).isTrue();
        assertThat(ids.size()).isEqualTo(1);
    }

    @Test
    void theOldestIdIsForgottenWhenTheCapacityIsReached() {
        RecentEventIds ids = new RecentEventIds(2, Duration.ofHours(24));
        ids.add("e-1", 0);
        ids.add("e-2", 1);
        ids.add("e-3", 2);

        assertThat(ids.contains("e-1", 3)).isFalse();
        assertThat(ids.contains("e-2", 3)).isTrue();
        assertThat(ids.contains("e-3", 3)).isTrue();
    }

    @Test
    void theHandOffTakesAnIdOnceAndRemembersNothingItCouldNotQueue() throws InterruptedException {
        Clock clock = Clock.fixed(Instant.parse("2026-05-04T09:30:00Z"), ZoneOffset.UTC);
        List<WebhookEvent> drained = new CopyOnWriteArrayList<>();
        WebhookHandOff handOff = new WebhookHandOff(
                1,
                new RecentEventIds(100, Duration.ofHours(1)),
                clock,
                new SimpleMeterRegistry(),
                "test",
                drained::add);

        assertThat(handOff.submit(event("e-1"))).isEqualTo(Submission.QUEUED);
        assertThat(handOff.submit(event("e-1"))).isEqualTo(Submission.DUPLICATE);
        assertThat(handOff.submit(event("e-2"))).isEqualTo(Submission.FULL);

        handOff.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> drained.size() == 1);
        assertThat(drained).extracting(WebhookEvent::eventId).containsExactly("e-1");
        assertThat(handOff.submit(event("e-2"))).isEqualTo(Submission.QUEUED);
        handOff.close();
    }
}
