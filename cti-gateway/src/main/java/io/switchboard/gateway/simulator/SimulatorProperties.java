package io.switchboard.gateway.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in AMI simulator, for the demo: it listens where the gateway connects and generates queue calls.
 *
 * @param enabled run the simulator (the demo default; off with a real Asterisk)
 * @param timeScale simulated seconds per real second
 * @param callsPerSecond new inbound calls per (real) second in load mode; 0 generates none
 * @param agents simulated agents answering the load queue
 * @param answerRate share of calls the simulated agents answer; the rest are abandoned
 * @param ringSeconds how long a simulated agent's phone rings
 * @param talkSeconds how long a simulated agent talks
 * @param callerPool callers come from the first this many numbers {@code +49301000000} upwards (0: any of nine
 *     million), so that stored contacts call in
 * @param humanAgents the first this many agents (2000 upward) are left for people trying the demo: their phones
 *     ring before a simulated agent takes the call, and the simulator never answers them
 */
@ConfigurationProperties("switchboard.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1") String bindHost,
        @DefaultValue("5038") int port,
        @DefaultValue("switchboard") String username,
        String secret,
        @DefaultValue("1") double timeScale,
        @DefaultValue("0.3") double callsPerSecond,
        @DefaultValue("6") int agents,
        @DefaultValue("0.85") double answerRate,
        @DefaultValue("4") double ringSeconds,
        @DefaultValue("20") double talkSeconds,
        @DefaultValue("0") int callerPool,
        @DefaultValue("0") int humanAgents) {

    SimulatorSettings settings() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "switchboard.simulator.secret must be set when the simulator is enabled");
        }
        return new SimulatorSettings(bindHost, port, username, secret, timeScale, QueueDefinition.testBed(), false);
    }

    LoadProfile load() {
        return LoadProfile.of(callsPerSecond, agents)
                .withAnswerRate(answerRate)
                .withDurations(ringSeconds, talkSeconds)
                .withCallerPool(callerPool)
                .withHumanAgents(humanAgents);
    }
}
