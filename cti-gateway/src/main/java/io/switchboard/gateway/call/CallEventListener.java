package io.switchboard.gateway.call;

@FunctionalInterface
public interface CallEventListener {
    void onCallEvent(CallEvent event);
}
