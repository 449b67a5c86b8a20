package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEvent.QueueListed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What leaves a PBX's tracker names agents and queues with their PBX, as it names calls: 1001 and {@code support} on
 * PBX {@code b} are {@code b:1001} and {@code b:support}, while the default PBX's keep their bare names.
 */
class PbxNamesInEventsTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    private final List<CallEvent> published = new ArrayList<>();

    @Test
    void agentsAndQueuesOfAnotherPbxCarryItsId() {
        CallEventSink b = PbxCallIds.forPbx("b", published::add);

        b.publish(new AgentRinging("17.1", AT, "1001", "support", CallDirection.INBOUND, Party.UNKNOWN, "500", 3));
        b.publish(new AgentStateChanged(AT, "1001", "support", AgentState.READY, null));
        b.publish(new QueueChanged(AT, "support", 2, AT));
        b.publish(new QueueListed(AT, "sales"));
        b.publish(ended(new CallLeg("support", "1001", AT, AT, AT, false)));

        assertThat(published.get(0)).isInstanceOfSatisfying(AgentRinging.class, ringing -> {
            assertThat(ringing.callId()).isEqualTo("b:17.1");
            assertThat(ringing.agent()).isEqualTo("b:1001");
            assertThat(ringing.queue()).isEqualTo("b:support");
        });
        assertThat(published.get(1))
                .isEqualTo(new AgentStateChanged(AT, "b:1001", "b:support", AgentState.READY, null));
        assertThat(published.get(2)).isEqualTo(new QueueChanged(AT, "b:support", 2, AT));
        assertThat(published.get(3)).isEqualTo(new QueueListed(AT, "b:sales"));
        assertThat(published.get(4)).isInstanceOfSatisfying(CallEnded.class, end -> {
            assertThat(List.of(end.queue(), end.firstRangAgent(), end.answeredBy(), end.finalAgent()))
                    .containsExactly("b:support", "b:1001", "b:1001", "b:1001");
            assertThat(end.path()).containsExactly(new CallLeg("b:support", "b:1001", AT, AT, AT, false));
        });
    }

    @Test
    void anAgentsLastCallKeepsItsTimeOnAPbxOfItsOwn() {
        // the live board starts an agent's wrap-up from it: without it, agents of a listed PBX never showed wrap-up
        CallEventSink b = PbxCallIds.forPbx("b", published::add);

        b.publish(new AgentStateChanged(AT, "1001", "support", AgentState.READY, null, AT.minusSeconds(20)));

        assertThat(published)
                .containsExactly(
                        new AgentStateChanged(AT, "b:1001", "b:support", AgentState.READY, null, AT.minusSeconds(20)));
    }

    @Test
    void theDefaultPbxKeepsBareNames() {
        CallEventSink only = PbxCallIds.forPbx(PbxCallIds.DEFAULT_PBX, published::add);

        only.publish(new AgentStateChanged(AT, "1001", "support", AgentState.READY, null));

        assertThat(published).containsExactly(new AgentStateChanged(AT, "1001", "support", AgentState.READY, null));
    }

    @Test
    void aNameReadsBackIntoItsPbxAndIsShownWithItWhereThereAreSeveral() {
        assertThat(PbxName.of("b:1001")).isEqualTo(new PbxName("b", "1001"));
        assertThat(PbxName.of("1001")).isEqualTo(new PbxName(PbxCallIds.DEFAULT_PBX, "1001"));
        assertThat(ConfiguredPbxes.of("a", "b").label("b:support")).isEqualTo("support (b)");
        assertThat(ConfiguredPbxes.of("berlin").label("berlin:support")).isEqualTo("support");
        assertThat(ConfiguredPbxes.single().label("support")).isEqualTo("support");
    }

    private static CallEnded ended(CallLeg leg) {
        return new CallEnded(
                "17.2",
                AT,
                CallDirection.INBOUND,
                Party.UNKNOWN,
                "500",
                "support",
                "1001",
                "1001",
                "1001",
                AT,
                AT,
                1,
                2,
                3,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of(leg));
    }
}
