package io.switchboard.gateway.webhook;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.RecordingSink;
import io.switchboard.gateway.worker.Overflow;
import java.time.Duration;
import java.util.List;

/** A webhook gateway on a free loopback port publishing to a call event bus, with a subscriber recording it all. */
final class WebhookFixture implements AutoCloseable {

    static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CallEventBus bus = new CallEventBus(registry);
    final RecordingSink events = new RecordingSink();
    final WebhookGateway gateway;
    final WebhookClient client;

    WebhookFixture() {
        this(WebhookProperties.forLocal(SECRET));
    }

    WebhookFixture(WebhookProperties properties) {
        bus.subscribe("recording", CallEventDelivery.queued(10_000, Overflow.DROP_NEWEST), events.handlers());
        gateway = new WebhookGateway(properties, CallTrackerSettings.defaults(), bus, registry).start();
        client = new WebhookClient(gateway.address().orElseThrow(), properties.secret());
    }

    /** Waits for the one CallEnded of a call, and a moment more to be sure no second one follows. */
    CallEnded awaitEnded(String callId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !endedOf(callId).isEmpty());
        await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        List<CallEnded> ended = endedOf(callId);
        if (ended.size() != 1) {
            throw new AssertionError("expected exactly one CallEnded for " + callId + ", got " + ended);
        }
        return ended.get(0);
    }

    private List<CallEnded> endedOf(String callId) {
        return events.ended().stream().filter(e -> e.callId().equals(callId)).toList();
    }

    double requests(String result) {
        return count(WebhookMetrics.REQUESTS, "result", result);
    }

    double events(String type) {
        return count(WebhookMetrics.EVENTS, "type", type);
    }

    private double count(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        gateway.close();
        bus.close();
    }
}
