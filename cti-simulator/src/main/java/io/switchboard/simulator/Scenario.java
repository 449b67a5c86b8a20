package io.switchboard.simulator;

/**
 * A call the simulator can play with {@link AmiSimulator#run(Scenario)}. Each record's {@code example()} is the
 * call of the matching trace in {@code src/test/resources/traces}. Durations are simulated seconds.
 */
public sealed interface Scenario
        permits QueueCallAnswered,
                QueueCallAbandoned,
                RingAllAnswered,
                RingNoAnswerThenAnswered,
                BlindTransfer,
                AttendedTransfer,
                OutboundCall {}
