package io.switchboard.simulator;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link AuthLimits} as Asterisk does: a connection opened while {@code authlimit} others have not logged
 * in is closed at once, without a banner; one that has not logged in {@code authtimeout} after it opened is closed.
 * So idle or hostile connections cannot use up the simulator's file descriptors.
 */
final class UnauthenticatedSessions {

    private static final Logger log = LoggerFactory.getLogger(UnauthenticatedSessions.class);
    /** Set while a connection counts against the limit: from admission to login or disconnection. */
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf(UnauthenticatedSessions.class, "counted");

    private final AuthLimits limits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();

    UnauthenticatedSessions(AuthLimits limits, MeterRegistry registry) {
        this.limits = limits;
        Gauge.builder("switchboard.simulator.sessions.unauthenticated", waiting, AtomicInteger::get)
                .description("Manager connections that have not logged in yet")
                .register(registry);
        FunctionCounter.builder("switchboard.simulator.sessions.refused", refused, AtomicLong::get)
                .description("Manager connections closed before logging in")
                .tag("reason", "authlimit")
                .register(registry);
        FunctionCounter.builder("switchboard.simulator.sessions.refused", timedOut, AtomicLong::get)
                .description("Manager connections closed before logging in")
                .tag("reason", "authtimeout")
                .register(registry);
    }

    /** Counts a new connection in and starts its login clock; false (and nothing counted) when over the limit. */
    boolean admit(Channel channel) {
        if (waiting.incrementAndGet() > limits.maxUnauthenticated()) {
            waiting.decrementAndGet();
            refused.incrementAndGet();
            return false;
        }
        channel.attr(COUNTED).set(Boolean.TRUE);
        channel.eventLoop().schedule(() -> expire(channel), limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** The connection logged in: it no longer counts, and its login clock stops mattering. */
    void loggedIn(Channel channel) {
        release(channel);
    }

    void disconnected(Channel channel) {
        release(channel);
    }

    int waiting() {
        return waiting.get();
    }

    long refused() {
        return refused.get();
    }

    long timedOut() {
        return timedOut.get();
    }

    private void expire(Channel channel) {
        if (channel.isActive() && Boolean.TRUE.equals(channel.attr(COUNTED).get())) {
            timedOut.incrementAndGet();
            log.info(
                    "Manager client {} failed to authenticate in {} seconds",
                    channel.remoteAddress(),
                    limits.timeout().toSeconds());
            channel.close();
        }
    }

    private void release(Channel channel) {
        if (Boolean.TRUE.equals(channel.attr(COUNTED).getAndSet(Boolean.FALSE))) {
            waiting.decrementAndGet();
        }
    }
}
