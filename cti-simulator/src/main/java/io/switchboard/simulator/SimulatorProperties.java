package io.switchboard.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in AMI simulator, for the demo: it listens where the gateway connects and generates queue calls.
 *
 * @param enabled run the simulator (the demo default; off with a real Asterisk)
 * @param timeScale simulated seconds per real second
 * @param callsPerSecond new inbound calls per (real) second in load mode; 0 generates none
 * @param agents agents (extensions 2000 upward, the human agents among them) staffing the load queue; the default ten
 *     take the default calls with most callers answered within 20 s
 * @param answerRate share of calls the simulated agents answer; the rest are abandoned
 * @param ringSeconds how long a simulated agent's phone rings
 * @param talkSeconds how long a simulated agent talks
 * @param callerPool callers come from the first this many numbers {@code +49301000000} upwards (0: any of nine
 *     million), so that stored contacts call in
 * @param humanAgents the first this many agents (2000 upward) are left for people trying the demo: their phones
 *     ring before a simulated agent takes the call, and the simulator never answers them
 * @param outbound how the customers of campaign (customer-first) originates answer, and the campaign queue
 * @param authTimeout a manager connection that has not logged in this long after it opened is closed (Asterisk's
 *     {@code authtimeout})
 * @param authLimit at most this many manager connections may be waiting to log in; a further one is closed at once
 *     (Asterisk's {@code authlimit})
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
        @DefaultValue("10") int agents,
        @DefaultValue("0.85") double answerRate,
        @DefaultValue("4") double ringSeconds,
        @DefaultValue("20") double talkSeconds,
        @DefaultValue("0") int callerPool,
        @DefaultValue("0") int humanAgents,
        @DefaultValue Outbound outbound,
        @DefaultValue("30s") Duration authTimeout,
        @DefaultValue("50") int authLimit) {

    /**
     * {@code switchboard.simulator.outbound.*}: shares of campaign calls answered by a person, a machine, busy, not
     * answered and failed (weighed against their sum), how long answered lines ring and customers talk (simulated
     * seconds, scaled by {@code time-scale} like every other timing), and the campaign queue with its simulated
     * agents (extensions 3001 upward).
     */
    public record Outbound(
            @DefaultValue("0.25") double human,
            @DefaultValue("0.10") double machine,
            @DefaultValue("0.10") double busy,
            @DefaultValue("0.50") double noAnswer,
            @DefaultValue("0.05") double failed,
            @DefaultValue("6") double ringSeconds,
            @DefaultValue("30") double talkSeconds,
            @DefaultValue("campaign") String queue,
            @DefaultValue("3") int members) {

        OutboundModel model() {
            return new OutboundModel(human, machine, busy, noAnswer, failed, ringSeconds, talkSeconds, queue, members);
        }
    }

    public SimulatorSettings settings() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "switchboard.simulator.secret must be set when the simulator is enabled");
        }
        return SimulatorSettings.builder()
                .bindHost(bindHost)
                .port(port)
                .credentials(username, secret)
                .timeScale(timeScale)
                .outbound(outbound == null ? OutboundModel.defaults() : outbound.model())
                .build();
    }

    AuthLimits authLimits() {
        return new AuthLimits(authTimeout, authLimit);
    }

    public LoadProfile load() {
        return LoadProfile.builder(callsPerSecond, agents)
                .answerRate(answerRate)
                .durations(ringSeconds, talkSeconds)
                .callerPool(callerPool)
                .humanAgents(humanAgents)
                .build();
    }
}
