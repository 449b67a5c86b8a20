package io.switchboard.gateway.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BoundedWorkerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private WorkerBuilder<Integer> worker(int capacity) {
        return BoundedWorker.<Integer>named("test-worker")
                .capacity(capacity)
                .metrics(registry, "switchboard.test.worker", Tags.of("kind", "test"));
    }

    private double counter(String name) {
        return registry.get("switchboard.test.worker." + name)
                .tag("kind", "test")
                .counter()
                .count();
    }

    @Test
    void itemsAreHandledInOrderOnTheWorkersOwnThread() {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (BoundedWorker<Integer> worker = worker(1_000)
                .eachTo(item -> {
                    handled.add(item);
                    threads.add(Thread.currentThread().getName());
                })
                .start()) {
            for (int i = 0; i < 500; i++) {
                assertThat(worker.offer(i)).isTrue();
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 500);
            assertThat(handled).isSorted().doesNotHaveDuplicates();
            assertThat(threads).containsOnly("test-worker");
            assertThat(worker.delivered()).isEqualTo(500);
            assertThat(counter("delivered")).isEqualTo(500);
        }
    }

    @Test
    void aFullQueueDropsTheNewestItemAndCountsItWithoutWaiting() {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        BoundedWorker<Integer> worker = worker(2).eachTo(handled::add);

        assertThat(worker.offer(1)).isTrue();
        assertThat(worker.offer(2)).isTrue();
        assertThat(worker.offer(3)).as("the queue of two is full").isFalse();
        assertThat(worker.offer(4)).isFalse();

        assertThat(worker.dropped()).isEqualTo(2);
        assertThat(counter("dropped")).isEqualTo(2);
        assertThat(registry.get("switchboard.test.worker.depth").gauge().value())
                .isEqualTo(2);
        worker.start().close();
        assertThat(handled).containsExactly(1, 2);
    }

    @Test
    void theFirstDropIsLoggedWithWhatItMeansAndTheNextOnesWithinTheIntervalAreOnlyCounted() {
        Logger logger = (Logger) LoggerFactory.getLogger(BoundedWorker.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            BoundedWorker<Integer> worker = worker(1)
                    .describedBy(item -> "item " + item)
                    .whenFull("Nobody is listening.")
                    .dropLogInterval(Duration.ofHours(1))
                    .eachTo(item -> {});
            worker.offer(1);

            worker.offer(2);
            worker.offer(3);

            assertThat(logged.list).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.ERROR);
                assertThat(line.getFormattedMessage())
                        .isEqualTo("test-worker: its queue of 1 is full, dropped item 2 (1 dropped so far)."
                                + " Nobody is listening.");
            });
            assertThat(worker.dropped()).isEqualTo(2);
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void dropOldestMakesRoomForTheNewestItem() {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        BoundedWorker<Integer> worker = worker(2).overflow(Overflow.DROP_OLDEST).eachTo(handled::add);

        for (int i = 1; i <= 4; i++) {
            assertThat(worker.offer(i)).isTrue();
        }

        assertThat(worker.dropped()).isEqualTo(2);
        worker.start().close();
        assertThat(handled).containsExactly(3, 4);
    }

    @Test
    void anItemTheHandlerThrowsOnIsCountedAndTheNextOneIsHandled() {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        BoundedWorker<Integer> worker = worker(10).eachTo(item -> {
            if (item == 2) {
                throw new IllegalStateException("item two is bad");
            }
            handled.add(item);
        });
        worker.offer(1);
        worker.offer(2);
        worker.offer(3);

        worker.start().close();

        assertThat(handled).containsExactly(1, 3);
        assertThat(worker.failures()).isEqualTo(1);
        assertThat(counter("failures")).isEqualTo(1);
        assertThat(worker.delivered()).isEqualTo(3);
    }

    @Test
    void aBatchHandlerGetsWhatWaitsInOrderAtMostMaxBatchAtATime() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        BoundedWorker<Integer> worker = worker(100).maxBatch(4).batchesTo(batch -> batches.add(List.copyOf(batch)));
        for (int i = 0; i < 10; i++) {
            worker.offer(i);
        }

        worker.start().close();

        assertThat(batches).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9));
        assertThat(worker.delivered()).isEqualTo(10);
    }

    @Test
    void closingHandlesWhatIsQueuedAndTakesNothingMore() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        BoundedWorker<Integer> worker = worker(10)
                .eachTo(item -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    handled.add(item);
                })
                .start();
        worker.offer(1);
        worker.offer(2);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closing = new Thread(worker::close);
        closing.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !worker.offer(3));
        release.countDown();
        closing.join(5_000);

        assertThat(closing.isAlive()).isFalse();
        assertThat(handled).containsExactly(1, 2);
        assertThat(worker.dropped())
                .as("refused after close, not dropped by the policy")
                .isZero();
    }
}
