package io.switchboard.ticket;

import static org.awaitility.Awaitility.await;

import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityRecorder;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Calls as the PBX ends them, recorded as activities for the tickets to be opened from. */
final class Calls {

    private Calls() {}

    /** An inbound queue call answered by the agent with {@code extension}, recorded and read back. */
    static Activity answered(
            ActivityRecorder recorder,
            ActivityHistory history,
            Viewer viewer,
            String callId,
            String caller,
            String extension,
            Instant startedAt) {
        Instant answered = startedAt.plusSeconds(20);
        recorder.record(new CallEnded(
                callId,
                answered.plusSeconds(95),
                CallDirection.INBOUND,
                Party.of(caller, null),
                "500",
                "support",
                extension,
                extension,
                extension,
                startedAt,
                answered,
                8,
                20,
                95,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> history.findByCallId(callId, viewer).isPresent());
        return history.findByCallId(callId, viewer).orElseThrow();
    }
}
