package io.switchboard.cluster;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.cluster.ClusterMetrics;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.testing.RestartablePostgres;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How many messages a second the PostgreSQL bus carries from one node to another, and with what lag, on an embedded
 * PostgreSQL of its own (README, "Several nodes"). Not a test: run by hand, see the README for the command.
 * {@code -Dbench.messages} (default 50,000) at full speed, then {@code -Dbench.rate} (default 1,000/s) for
 * {@code -Dbench.seconds} (10) for the lag at a steady rate; {@code -Dbench.bytes} (1,000) per message.
 */
public final class ClusterBusThroughput {

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 50_000);
        int rate = Integer.getInteger("bench.rate", 1_000);
        int seconds = Integer.getInteger("bench.seconds", 10);
        String payload = "\"" + "x".repeat(Integer.getInteger("bench.bytes", 1_000) - 2) + "\"";
        try (RestartablePostgres postgres = RestartablePostgres.start()) {
            run(postgres, "flood", messages, 0, payload);
            run(postgres, "steady", rate * seconds, rate, payload);
        }
    }

    private static void run(RestartablePostgres postgres, String phase, int count, int perSecond, String payload)
            throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PostgresClusterBus a = bus(postgres, "bench-a-" + phase, registry);
                PostgresClusterBus b = bus(postgres, "bench-b-" + phase, registry)) {
            AtomicLong received = new AtomicLong();
            b.subscribe("bench", message -> received.incrementAndGet());
            while (!a.state().connected() || !b.state().connected()) {
                Thread.sleep(10);
            }
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (perSecond > 0) {
                    long due = started + TimeUnit.SECONDS.toNanos(i) / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                a.publish("bench", payload);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            double secondsTaken = (System.nanoTime() - started) / 1e9;
            Timer lag = registry.get("switchboard.cluster.lag").timer();
            double dropped = registry.find("switchboard.cluster.messages.dropped").counters().stream()
                    .mapToDouble(c -> c.count())
                    .sum();
            StringBuilder percentiles = new StringBuilder();
            for (ValueAtPercentile p : lag.takeSnapshot().percentileValues()) {
                percentiles.append(
                        String.format(" p%.0f=%.1f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
            }
            System.out.printf(
                    "%s: %d of %d received in %.2f s = %.0f messages/s, dropped %.0f, lag%s, max %.1f ms%n",
                    phase,
                    received.get(),
                    count,
                    secondsTaken,
                    received.get() / secondsTaken,
                    dropped,
                    percentiles,
                    lag.max(TimeUnit.MILLISECONDS));
        }
    }

    private static PostgresClusterBus bus(RestartablePostgres postgres, String name, SimpleMeterRegistry registry) {
        return new PostgresClusterBus(
                        new NodeId(name),
                        purpose -> {
                            Properties settings = new Properties();
                            settings.setProperty("ApplicationName", "switchboard-cluster-" + purpose + "-" + name);
                            return DriverManager.getConnection(postgres.jdbcUrl(), settings);
                        },
                        new ClusterMetrics(registry, Clock.systemUTC()),
                        100_000,
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5))
                .start();
    }

    private ClusterBusThroughput() {}
}
