package io.switchboard.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulator does with a manager client that does not read fast enough.
 *
 * <p>{@link Mode#DISCONNECT} behaves like Asterisk's {@code writetimeout}: a client whose socket stays full for
 * longer than {@code writeTimeout} is dropped and loses every event in between. {@link Mode#BUFFER} keeps
 * queueing up to {@code maxBufferedBytes} per client (and holds back new load-mode calls while a client is
 * behind), dropping the client only past that bound. Both drops are counted in
 * {@link SimulatorStats#clientsDroppedSlow()}.
 */
public record SlowClientPolicy(Mode mode, Duration writeTimeout, long maxBufferedBytes) {

    public enum Mode {
        DISCONNECT,
        BUFFER
    }

    public SlowClientPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (maxBufferedBytes <= 0) {
            throw new IllegalArgumentException("maxBufferedBytes must be positive");
        }
    }

    /** Asterisk's default: drop a client that cannot take a write for 100 ms. */
    public static SlowClientPolicy asteriskWriteTimeout() {
        return new SlowClientPolicy(Mode.DISCONNECT, Duration.ofMillis(100), 64L * 1024 * 1024);
    }

    /** Buffer up to {@code maxBufferedBytes} per client before dropping it. */
    public static SlowClientPolicy buffer(long maxBufferedBytes) {
        return new SlowClientPolicy(Mode.BUFFER, Duration.ofSeconds(30), maxBufferedBytes);
    }
}
