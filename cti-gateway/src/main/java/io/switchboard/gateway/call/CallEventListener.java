package io.switchboard.gateway.call;

@FunctionalInterface
public interface CallEventListener {
    void onCallEvent(CallEvent event);

    /**
     * Whether this listener handles {@code event} at all. The bus asks before queueing, on the tracker's thread, so
     * an answer must be quick and stateless (a type check): an event nobody wants then wakes no subscriber's thread,
     * which on a busy server leaves the CPU to the ones that do (the screen pop first of all).
     */
    default boolean wants(CallEvent event) {
        return true;
    }
}
