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

    /** Loopback, ephemeral port, {@code admin}/{@code switchboard}, real time, the test-bed queues, no CEL. */
    public static SimulatorSettings defaults() {
        return builder().build();
    }

    /** The {@link #defaults()}, to change some of. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings, to change some of. */
    public Builder toBuilder() {
        return new Builder()
                .bindHost(bindHost)
                .port(port)
                .credentials(username, secret)
                .timeScale(timeScale)
                .queues(queues)
                .celEvents(celEvents)
                .slowClients(slowClients)
                .outbound(outbound)
                .stampsWhenSent(stampsWhenSent);
    }

    public SimulatorSettings withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public SimulatorSettings withCredentials(String newUsername, String newSecret) {
        return toBuilder().credentials(newUsername, newSecret).build();
    }

    public SimulatorSettings withTimeScale(double newTimeScale) {
        return toBuilder().timeScale(newTimeScale).build();
    }

    public SimulatorSettings withQueues(List<QueueDefinition> newQueues) {
        return toBuilder().queues(newQueues).build();
    }

    public SimulatorSettings withCelEvents(boolean enabled) {
        return toBuilder().celEvents(enabled).build();
    }

    public SimulatorSettings withSlowClients(SlowClientPolicy policy) {
        return toBuilder().slowClients(policy).build();
    }

    public SimulatorSettings withOutbound(OutboundModel model) {
        return toBuilder().outbound(model).build();
    }

    public SimulatorSettings withStampsWhenSent(boolean enabled) {
        return toBuilder().stampsWhenSent(enabled).build();
    }

    /** The one place the defaults live; the canonical constructor checks what it builds. */
    public static final class Builder {
        private String bindHost = "127.0.0.1";
        private int port = 0;
        private String username = "admin";
        private String secret = "switchboard";
        private double timeScale = 1.0;
        private List<QueueDefinition> queues = QueueDefinition.testBed();
        private boolean celEvents = false;
        private SlowClientPolicy slowClients = SlowClientPolicy.buffer(64L << 20);
        private OutboundModel outbound = OutboundModel.defaults();
        private boolean stampsWhenSent = false;

        private Builder() {}

        public Builder bindHost(String value) {
            bindHost = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder credentials(String newUsername, String newSecret) {
            username = newUsername;
            secret = newSecret;
            return this;
        }

        public Builder timeScale(double value) {
            timeScale = value;
            return this;
        }

        public Builder queues(List<QueueDefinition> value) {
            queues = value;
            return this;
        }

        public Builder celEvents(boolean value) {
            celEvents = value;
            return this;
        }

        public Builder slowClients(SlowClientPolicy value) {
            slowClients = value;
            return this;
        }

        public Builder outbound(OutboundModel value) {
            outbound = value;
            return this;
        }

        public Builder stampsWhenSent(boolean value) {
            stampsWhenSent = value;
            return this;
        }

        public SimulatorSettings build() {
            return new SimulatorSettings(
                    bindHost,
                    port,
                    username,
                    secret,
                    timeScale,
                    queues,
                    celEvents,
                    slowClients,
                    outbound,
                    stampsWhenSent);
        }
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
