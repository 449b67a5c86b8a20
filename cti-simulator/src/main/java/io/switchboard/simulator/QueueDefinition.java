package io.switchboard.simulator;

import java.util.List;
import java.util.Objects;

/**
 * A queue of the simulated PBX and its static members, given as agent extensions ({@code 1001}); each member
 * is the Local channel {@code Local/1001@agent-sim/n} with state interface {@code Custom:1001}, as in the traces.
 */
public record QueueDefinition(String name, QueueStrategy strategy, List<String> memberExtensions) {

    public QueueDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        memberExtensions = List.copyOf(memberExtensions);
    }

    /** The queues of the recorded test bed: {@code support} (linear, 1001-1003), {@code sales} (ringall, 1004-1005). */
    public static List<QueueDefinition> testBed() {
        return List.of(
                new QueueDefinition("support", QueueStrategy.LINEAR, List.of("1001", "1002", "1003")),
                new QueueDefinition("sales", QueueStrategy.RINGALL, List.of("1004", "1005")));
    }
}
