package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.worker.Overflow;
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

    private static CallEventDelivery queued(int capacity) {
        return CallEventDelivery.queued(capacity, Overflow.DROP_NEWEST);
    }

    private static CallEventHandlers every(List<CallEvent> into) {
        return CallEventHandlers.none().on(CallEvent.class, into::add);
    }

    private double counted(String metric, String subscriber) {
        return registry.get("switchboard.calls.subscriber." + metric)
                .tag("subscriber", subscriber)
                .counter()
                .count();
    }

    @Test
    void eachSubscriberGetsEveryEventInOrder() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> first = new CopyOnWriteArrayList<>();
            List<CallEvent> second = new CopyOnWriteArrayList<>();
            bus.subscribe("first", queued(100), every(first));
            bus.subscribe("second", queued(100), every(second));

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
            bus.subscribe("stuck", queued(10), CallEventHandlers.none().on(CallEvent.class, e -> {
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }));
            bus.subscribe("healthy", queued(1_000), every(healthy));

            long start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                bus.publish(event(i));
            }
            long publishMillis = (System.nanoTime() - start) / 1_000_000;

            await().atMost(Duration.ofSeconds(5)).until(() -> healthy.size() == 500);
            assertThat(publishMillis)
                    .as("publishing never waits for the stuck subscriber")
                    .isLessThan(1_000);
            // one event is being handled, ten are queued: the rest are counted as lost
            assertThat(counted("dropped", "stuck")).isBetween(489.0, 490.0);
            release.countDown();
        }
    }

    @Test
    void aSubscriberIsQueuedOnlyTheEventsItHasHandlersForSoOthersNeitherWakeNorFillIt() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> all = new CopyOnWriteArrayList<>();
            List<CallEvent> states = new CopyOnWriteArrayList<>();
            bus.subscribe("all", queued(1_000), every(all));
            bus.subscribe("states", queued(5), CallEventHandlers.none().on(AgentStateChanged.class, states::add));

            for (int i = 0; i < 100; i++) {
                bus.publish(event(i));
            }
            bus.publish(new AgentStateChanged(Instant.EPOCH, "1001", "support", AgentState.PAUSED, "lunch"));

            await().atMost(Duration.ofSeconds(5)).until(() -> all.size() == 101 && states.size() == 1);
            assertThat(states.get(0)).isInstanceOf(AgentStateChanged.class);
            // a hundred unwanted events never took a place in its queue of five
            assertThat(counted("dropped", "states")).isZero();
            assertThat(counted("delivered", "states")).isEqualTo(1);
        }
    }

    @Test
    void anInlineSubscriberRunsOnThePublishingThreadBeforePublishReturnsAndSurvivesItsOwnFailures() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<String> threads = new CopyOnWriteArrayList<>();
            List<CallEvent> queued = new CopyOnWriteArrayList<>();
            bus.subscribe("queued", queued(100), every(queued));
            bus.subscribe(
                    "inline",
                    CallEventDelivery.inline(),
                    CallEventHandlers.none().on(QueueChanged.class, e -> {
                        threads.add(Thread.currentThread().getName());
                        if (e.waiting() == 1) {
                            throw new IllegalStateException("a bad event");
                        }
                    }));

            bus.publish(event(1));
            bus.publish(event(2));

            assertThat(threads)
                    .containsExactly(
                            Thread.currentThread().getName(),
                            Thread.currentThread().getName());
            await().atMost(Duration.ofSeconds(5)).until(() -> queued.size() == 2);
            assertThat(registry.get("switchboard.calls.subscriber.failures")
                            .tag("subscriber", "inline")
                            .counter()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aQueuedSubscriberWhoseHandlerThrowsGetsTheNextEventsAndTheFailureIsCounted() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> handled = new CopyOnWriteArrayList<>();
            bus.subscribe("fussy", queued(100), CallEventHandlers.none().on(QueueChanged.class, e -> {
                if (e.waiting() == 1) {
                    throw new IllegalStateException("a bad event");
                }
                handled.add(e);
            }));

            bus.publish(event(1));
            bus.publish(event(2));

            await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 1);
            assertThat(handled).containsExactly(event(2));
            assertThat(counted("failures", "fussy")).isEqualTo(1);
            assertThat(counted("delivered", "fussy")).isEqualTo(2);
        }
    }

    @Test
    void aClosedSubscriptionIsGivenNothingMoreWhileTheOthersGoOn() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> leaving = new CopyOnWriteArrayList<>();
            List<CallEvent> staying = new CopyOnWriteArrayList<>();
            CallEventBus.Subscription subscription = bus.subscribe("leaving", queued(100), every(leaving));
            bus.subscribe("staying", queued(100), every(staying));
            bus.publish(event(1));
            subscription.close();

            bus.publish(event(2));

            await().atMost(Duration.ofSeconds(5)).until(() -> staying.size() == 2);
            assertThat(leaving).containsExactly(event(1));
        }
    }

    @Test
    void twoHandlersForOneEventTypeAreRefusedWhereTheyAreDeclared() {
        CallEventHandlers ended = CallEventHandlers.none().on(CallEnded.class, e -> {});

        assertThatThrownBy(() -> ended.on(CallEvent.class, e -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CallEnded has a handler already");
    }

    @Test
    void relayedEventsReachOnlyTheSubscribersOfEveryNode() {
        try (CallEventBus bus = new CallEventBus(registry)) {
            List<CallEvent> onceOnly = new CopyOnWriteArrayList<>();
            List<CallEvent> everyNode = new CopyOnWriteArrayList<>();
            bus.subscribe("once-only", CallEventDelivery.inline(), every(onceOnly));
            bus.subscribe("every-node", CallEventSource.EVERY_NODE, CallEventDelivery.inline(), every(everyNode));

            bus.publish(event(1));
            bus.publishRelayed(event(2));

            assertThat(onceOnly).containsExactly(event(1));
            assertThat(everyNode).containsExactly(event(1), event(2));
        }
    }
}
