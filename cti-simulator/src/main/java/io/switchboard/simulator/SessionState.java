package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** Per-connection state of a manager session, kept in a channel attribute. */
final class SessionState {

    private static final AttributeKey<SessionState> KEY = AttributeKey.valueOf("switchboard.simulator.session");

    private volatile String challenge;
    private volatile boolean authenticated;
    private volatile boolean eventsOn = true;
    private volatile long unwritableSinceNanos;
    private boolean malformedLogged;

    static SessionState of(Channel channel) {
        SessionState state = channel.attr(KEY).get();
        if (state == null) {
            SessionState fresh = new SessionState();
            state = channel.attr(KEY).setIfAbsent(fresh);
            return state == null ? fresh : state;
        }
        return state;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String value) {
        challenge = value;
    }

    boolean authenticated() {
        return authenticated;
    }

    void authenticated(boolean value) {
        authenticated = value;
    }

    boolean eventsOn() {
        return eventsOn;
    }

    void eventsOn(boolean value) {
        eventsOn = value;
    }

    long unwritableSinceNanos() {
        return unwritableSinceNanos;
    }

    void unwritableSinceNanos(long value) {
        unwritableSinceNanos = value;
    }

    /** True the first time only: a client sending garbage is logged once, not once per frame. */
    boolean firstMalformedFrame() {
        if (malformedLogged) {
            return false;
        }
        malformedLogged = true;
        return true;
    }
}
