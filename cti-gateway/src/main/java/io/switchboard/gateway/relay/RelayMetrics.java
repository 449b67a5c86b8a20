package io.switchboard.gateway.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Relayed PBX commands' metrics, on the node that asked: {@code switchboard.cluster.commands{command,outcome}} (done,
 * refused, not_owned, invalid, pbx_timeout: as the owner answered; timeout: no owner answered in time), {@code
 * switchboard.cluster.commands.latency{command}} (request published to answer received, p50/p99) and {@code
 * switchboard.cluster.commands.late} (answers that came after their request had timed out, dropped). On the owner,
 * {@code switchboard.cluster.commands.served{command,outcome}}.
 */
final class RelayMetrics {

    private static final String PREFIX = "switchboard.cluster.commands";

    private final MeterRegistry registry;
    private final Counter late;

    RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.late = Counter.builder(PREFIX + ".late")
                .description("Answers of relayed PBX commands that came after the command had timed out (dropped)")
                .register(registry);
    }

    void answered(String command, String outcome, Duration took) {
        Counter.builder(PREFIX)
                .description("PBX commands relayed to the node owning the PBX's link, by command and outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder(PREFIX + ".latency")
                .description("From a relayed PBX command being published to its owner's answer arriving")
                .tag("command", command)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(took);
    }

    void timedOut(String command) {
        Counter.builder(PREFIX)
                .description("PBX commands relayed to the node owning the PBX's link, by command and outcome")
                .tag("command", command)
                .tag("outcome", "timeout")
                .register(registry)
                .increment();
    }

    void late() {
        late.increment();
    }

    void served(String command, String outcome) {
        Counter.builder(PREFIX + ".served")
                .description("PBX commands other nodes relayed to this node, which owns the PBX's link")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
