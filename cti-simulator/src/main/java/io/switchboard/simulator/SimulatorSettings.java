package io.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the AMI simulator runs.
 *
 * @param bindHost the address to listen on (tests use {@code 127.0.0.1})
 * @param port the TCP port, 0 for an ephemeral one
 * @param username the manager user Asterisk-Java logs in as
 * @param secret its secret (plain or MD5 challenge login)
 * @param timeScale simulated seconds per real second: 1 is real time, 1000 runs a 5 s talk in 5 ms while the
 *     events' {@code Timestamp} still says 5 s
 * @param queues the queues and their static members
 * @param celEvents whether to emit {@code CEL} and {@code Cdr} events as with {@code cel_manager}/{@code
 *     cdr_manager} loaded
 * @param slowClients what to do with a client that does not keep up
 * @param outbound how customers answer campaign (customer-first) originates, and the campaign queue's agents
 * @param stampsWhenSent whether an event's {@code Timestamp} is the moment it is written, as a real Asterisk stamps
 *     it, rather than its step's planned time. Planned times keep durations exact at any time scale; stamps taken
 *     when sent make a late simulator thread show as later events, not older ones, so a latency measured from the
 *     stamp is the consumer's alone (the pop benchmark runs so, at time scale 1)
 */
public record SimulatorSettings(
        String bindHost,
        int port,
        String username,
        String secret,
        double timeScale,
        List<QueueDefinition> queues,
        boolean celEvents,
        SlowClientPolicy slowClients,
        OutboundModel outbound,
        boolean stampsWhenSent) {

    public SimulatorSettings {
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(slowClients, "slowClients");
        queues = List.copyOf(queues);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
        }
    }

    public SimulatorSettings(
            String bindHost,
            int port,
            String username,
            String secret,
            double timeScale,
            List<QueueDefinition> queues,
            boolean celEvents) {
        this(bindHost, port, username, secret, timeScale, queues, celEvents, SlowClientPolicy.buffer(64L << 20));
    }

    public SimulatorSettings(
            String bindHost,
            int port,
            String username,
            String secret,
            double timeScale,
            List<QueueDefinition> queues,
            boolean celEvents,
            SlowClientPolicy slowClients) {
        this(bindHost, port, username, secret, timeScale, queues, celEvents, slowClients, OutboundModel.defaults());
    }

    public SimulatorSettings(
            String bindHost,
            int port,
            String username,
            String secret,
            double timeScale,
            List<QueueDefinition> queues,
            boolean celEvents,
            SlowClientPolicy slowClients,
            OutboundModel outbound) {
        this(bindHost, port, username, secret, timeScale, queues, celEvents, slowClients, outbound, false);
    }

    /** Loopback, ephemeral port, {@code admin}/{@code switchboard}, real time, the test-bed queues, no CEL. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 0, "admin", "switchboard", 1.0, QueueDefinition.testBed(), false);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(
                bindHost,
                newPort,
                username,
                secret,
                timeScale,
                queues,
                celEvents,
                slowClients,
                outbound,
                stampsWhenSent);
    }

    public SimulatorSettings withCredentials(String newUsername, String newSecret) {
        return new SimulatorSettings(
                bindHost,
                port,
                newUsername,
                newSecret,
                timeScale,
                queues,
                celEvents,
                slowClients,
                outbound,
                stampsWhenSent);
    }

    public SimulatorSettings withTimeScale(double newTimeScale) {
        return new SimulatorSettings(
                bindHost,
                port,
                username,
                secret,
                newTimeScale,
                queues,
                celEvents,
                slowClients,
                outbound,
                stampsWhenSent);
    }

    public SimulatorSettings withQueues(List<QueueDefinition> newQueues) {
        return new SimulatorSettings(
                bindHost,
                port,
                username,
                secret,
                timeScale,
                newQueues,
                celEvents,
                slowClients,
                outbound,
                stampsWhenSent);
    }

    public SimulatorSettings withCelEvents(boolean enabled) {
        return new SimulatorSettings(
                bindHost, port, username, secret, timeScale, queues, enabled, slowClients, outbound, stampsWhenSent);
    }

    public SimulatorSettings withSlowClients(SlowClientPolicy policy) {
        return new SimulatorSettings(
                bindHost, port, username, secret, timeScale, queues, celEvents, policy, outbound, stampsWhenSent);
    }

    public SimulatorSettings withOutbound(OutboundModel model) {
        return new SimulatorSettings(
                bindHost, port, username, secret, timeScale, queues, celEvents, slowClients, model, stampsWhenSent);
    }

    public SimulatorSettings withStampsWhenSent(boolean enabled) {
        return new SimulatorSettings(
                bindHost, port, username, secret, timeScale, queues, celEvents, slowClients, outbound, enabled);
    }

    /** The queues the simulator staffs: the configured ones and, when it has agents, the campaign queue. */
    List<QueueDefinition> allQueues() {
        if (outbound.members() == 0 || queues.stream().anyMatch(q -> q.name().equals(outbound.queue()))) {
            return queues;
        }
        List<QueueDefinition> all = new ArrayList<>(queues);
        all.add(new QueueDefinition(outbound.queue(), QueueStrategy.LINEAR, outbound.memberExtensions()));
        return all;
    }
}
