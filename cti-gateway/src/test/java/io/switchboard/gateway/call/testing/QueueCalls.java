package io.switchboard.gateway.call.testing;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import java.time.Instant;
import java.util.List;

/**
 * Inbound calls through a queue as the call tracker ends them, for the tests of what is counted from them (the
 * wallboard, the interval reports and their rollup). Shared through cti-gateway's test jar, which holds this package
 * only, since crm-core's and agent-api's tests both need them and neither may see the other's.
 */
public final class QueueCalls {

    private QueueCalls() {}

    /**
     * A call from {@code caller} that joined {@code queue} (none: {@code null}) at {@code started}, waited {@code wait}
     * seconds and, if answered, talked {@code talk} seconds with {@code agent}, who was rung first (an abandoned call
     * may have rung nobody: {@code null}); rung 3 s, cleared normally, with no legs.
     */
    public static CallEnded ended(
            String id,
            String caller,
            String queue,
            CallOutcome outcome,
            long wait,
            long talk,
            Instant started,
            String agent) {
        boolean answered = outcome == CallOutcome.ANSWERED;
        return new CallEnded(
                id,
                started.plusSeconds(wait + talk),
                CallDirection.INBOUND,
                Party.of(caller, null),
                "500",
                queue,
                agent,
                answered ? agent : null,
                answered ? agent : null,
                started,
                answered ? started.plusSeconds(wait) : null,
                3,
                wait,
                talk,
                16,
                "Normal Clearing",
                outcome,
                false,
                List.of());
    }
}
