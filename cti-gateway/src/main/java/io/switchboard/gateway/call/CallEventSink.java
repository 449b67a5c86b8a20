package io.switchboard.gateway.call;

/** Where the tracker puts the events it emits. Must not block: the tracker thread never waits on subscribers. */
@FunctionalInterface
public interface CallEventSink {
    void publish(CallEvent event);
}
