package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what a tracker emits, for assertions. Thread-safe so tests over TCP can read it while it fills. */
public final class RecordingSink implements CallEventSink {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(CallEvent event) {
        events.add(event);
    }

    /** Every event, recorded: for subscribing this sink to a bus. */
    public CallEventHandlers handlers() {
        return CallEventHandlers.none().on(CallEvent.class, events::add);
    }

    public List<CallEvent> all() {
        return List.copyOf(events);
    }

    public <T extends CallEvent> List<T> of(Class<T> type) {
        List<T> matching = new ArrayList<>();
        for (CallEvent event : events) {
            if (type.isInstance(event)) {
                matching.add(type.cast(event));
            }
        }
        return matching;
    }

    public List<CallEvent> forCall(String callId) {
        List<CallEvent> matching = new ArrayList<>();
        for (CallEvent event : events) {
            if (callId.equals(callIdOf(event))) {
                matching.add(event);
            }
        }
        return matching;
    }

    public List<String> typesFor(String callId) {
        return forCall(callId).stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    public List<CallEnded> ended() {
        return of(CallEnded.class);
    }

    public List<CallStarted> started() {
        return of(CallStarted.class);
    }

    public void clear() {
        events.clear();
    }

    public static String callIdOf(CallEvent event) {
        if (event instanceof CallStarted e) return e.callId();
        if (event instanceof CallEvent.CallQueued e) return e.callId();
        if (event instanceof CallEvent.AgentRinging e) return e.callId();
        if (event instanceof CallEvent.AgentRingStopped e) return e.callId();
        if (event instanceof CallEvent.CallAnswered e) return e.callId();
        if (event instanceof CallEvent.CallTransferred e) return e.callId();
        if (event instanceof CallEvent.CallAbandoned e) return e.callId();
        if (event instanceof CallEnded e) return e.callId();
        if (event instanceof CallEvent.CallTagged e) return e.callId();
        return null;
    }
}
