package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.CallLeg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The legs of one call as they happen: a queue joined, an agent answering, a transfer closing one leg and opening
 * the next. Mutable, owned by the tracker thread; only calls that reach a queue or an agent get one.
 */
final class CallPath {

    private final List<Leg> legs = new ArrayList<>(2);

    private static final class Leg {
        String queue;
        String agent;
        final long startedAt;
        long answeredAt;
        long endedAt;
        boolean transferred;

        Leg(long startedAt) {
            this.startedAt = startedAt;
        }
    }

    /** The call joined a queue: a leg of its own unless the open leg has not reached an agent or queue yet. */
    void queued(String queue, long at) {
        Leg open = open();
        if (open == null || open.agent != null || (open.queue != null && !open.queue.equals(queue))) {
            open = start(at);
        }
        open.queue = queue;
    }

    void answered(String agent, long at) {
        Leg open = open();
        if (open == null || (open.agent != null && !open.agent.equals(agent))) {
            open = start(at);
        }
        if (open.agent == null) {
            open.agent = agent;
            open.answeredAt = at;
        }
    }

    /** Every agent who had a leg of the call. */
    List<String> agents() {
        List<String> agents = new ArrayList<>(legs.size());
        for (Leg leg : legs) {
            if (leg.agent != null) {
                agents.add(leg.agent);
            }
        }
        return agents;
    }

    /** The open leg's agent, if one took it. */
    String agent() {
        Leg open = open();
        return open == null ? null : open.agent;
    }

    /** Ends the open leg as transferred and opens the next one, which the target fills in. */
    void transferred(long at) {
        Leg open = open();
        if (open != null) {
            open.endedAt = at;
            open.transferred = true;
        }
        start(at);
    }

    List<CallLeg> close(long at) {
        List<CallLeg> result = new ArrayList<>(legs.size());
        for (Leg leg : legs) {
            if (leg.queue == null && leg.agent == null) {
                continue; // a transfer to a target the call never reached (it ended first)
            }
            long ended = leg.endedAt > 0 ? leg.endedAt : at;
            result.add(new CallLeg(
                    leg.queue,
                    leg.agent,
                    Instant.ofEpochMilli(leg.startedAt),
                    leg.agent != null ? Instant.ofEpochMilli(leg.answeredAt) : null,
                    Instant.ofEpochMilli(ended),
                    leg.transferred));
        }
        return result;
    }

    private Leg open() {
        if (legs.isEmpty()) {
            return null;
        }
        Leg last = legs.get(legs.size() - 1);
        return last.endedAt > 0 ? null : last;
    }

    private Leg start(long at) {
        Leg leg = new Leg(at);
        legs.add(leg);
        return leg;
    }
}
