package io.switchboard.gateway.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code switchboard.webhook.requests{result}}: every request by how it was answered; {@code
 * switchboard.webhook.events{type}}: events accepted for the call tracker (duplicates not included).
 */
final class WebhookMetrics {

    static final String REQUESTS = "switchboard.webhook.requests";
    static final String EVENTS = "switchboard.webhook.events";

    private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);
    private final Map<EventType, Counter> events = new EnumMap<>(EventType.class);

    WebhookMetrics(MeterRegistry registry, String pbx) {
        for (Outcome outcome : Outcome.values()) {
            requests.put(
                    outcome,
                    Counter.builder(REQUESTS)
                            .description("Requests to the PBX webhook, by how they were answered")
                            .tag("pbx", pbx)
                            .tag("result", outcome.tag())
                            .register(registry));
        }
        for (EventType type : EventType.values()) {
            events.put(
                    type,
                    Counter.builder(EVENTS)
                            .description("PBX webhook events accepted for the call tracker")
                            .tag("pbx", pbx)
                            .tag("type", type.wireName())
                            .register(registry));
        }
    }

    void request(Outcome outcome) {
        requests.get(outcome).increment();
    }

    void event(EventType type) {
        events.get(type).increment();
    }
}
