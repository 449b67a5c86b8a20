package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CallEventBusTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static QueueChanged event(int n) {
        return new QueueChanged(Instant.EPOCH, "support", n, null);
    }

    @Test
    void eachSubscriberGetsEveryEventInOrder() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> first = new CopyOnWriteArrayList<>();
            List<CallEvent> second = new CopyOnWriteArrayList<>();
            bus.subscribe("first", 100, first::add);
            bus.subscribe("second", 100, second::add);

            for (int i = 0; i < 50; i++) {
                bus.publish(event(i));
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 50 && second.size() == 50);
            assertThat(first).extracting(e -> ((QueueChanged) e).waiting()).isSorted();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void aStuckSubscriberNeitherBlocksThePublisherNorTheOthersAndItsLossesAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> healthy = new CopyOnWriteArrayList<>();
            bus.subscribe("stuck", 10, e -> {
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            bus.subscribe("healthy", 1_000, healthy::add);

            long start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                bus.publish(event(i));
            }
            long publishMillis = (System.nanoTime() - start) / 1_000_000;

            await().atMost(Duration.ofSeconds(5)).until(() -> healthy.size() == 500);
            assertThat(publishMillis)
                    .as("publishing never waits for the stuck subscriber")
                    .isLessThan(1_000);
            double dropped = registry.get("switchboard.calls.subscriber.dropped")
                    .tag("subscriber", "stuck")
                    .counter()
                    .count();
            // one event is being handled, ten are queued: the rest are counted as lost
            assertThat(dropped).isBetween(489.0, 490.0);
            release.countDown();
        }
    }

    @Test
    void aSubscriberIsQueuedOnlyTheEventsItsListenerWantsSoOthersNeitherWakeNorFillIt() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> all = new CopyOnWriteArrayList<>();
            List<CallEvent> states = new CopyOnWriteArrayList<>();
            bus.subscribe("all", 1_000, all::add);
            bus.subscribe("states", 5, new CallEventListener() {
                @Override
                public boolean wants(CallEvent event) {
                    return event instanceof AgentStateChanged;
                }

                @Override
                public void onCallEvent(CallEvent event) {
                    states.add(event);
                }
            });

            for (int i = 0; i < 100; i++) {
                bus.publish(event(i));
            }
            bus.publish(new AgentStateChanged(Instant.EPOCH, "1001", "support", AgentState.PAUSED, "lunch"));

            await().atMost(Duration.ofSeconds(5)).until(() -> all.size() == 101 && states.size() == 1);
            assertThat(states.get(0)).isInstanceOf(AgentStateChanged.class);
            // a hundred unwanted events never took a place in its queue of five
            assertThat(registry.get("switchboard.calls.subscriber.dropped")
                            .tag("subscriber", "states")
                            .counter()
                            .count())
                    .isZero();
        }
    }

    @Test
    void anInlineSubscriberRunsOnThePublishingThreadBeforePublishReturnsAndSurvivesItsOwnFailures() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<String> threads = new CopyOnWriteArrayList<>();
            List<CallEvent> queued = new CopyOnWriteArrayList<>();
            bus.subscribe("queued", 100, queued::add);
            bus.subscribeInline("inline", event -> {
                threads.add(Thread.currentThread().getName());
                if (((QueueChanged) event).waiting() == 1) {
                    throw new IllegalStateException("a bad event");
                }
            });

            bus.publish(event(1));
            bus.publish(event(2));

            assertThat(threads)
                    .containsExactly(
                            Thread.currentThread().getName(),
                            Thread.currentThread().getName());
            await().atMost(Duration.ofSeconds(5)).until(() -> queued.size() == 2);
        }
    }
}
