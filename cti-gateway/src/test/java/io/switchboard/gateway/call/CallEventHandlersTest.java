package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallEventHandlersTest {

    private static final QueueChanged QUEUE = new QueueChanged(Instant.EPOCH, "support", 1, null);
    private static final AgentStateChanged STATE =
            new AgentStateChanged(Instant.EPOCH, "1001", "support", AgentState.READY, null);

    @Test
    void eachEventGoesToTheHandlerOfItsTypeAndOtherTypesAreIgnored() {
        List<String> seen = new ArrayList<>();
        CallEventHandlers handlers = CallEventHandlers.none()
                .on(QueueChanged.class, e -> seen.add("queue " + e.queue()))
                .on(AgentStateChanged.class, e -> seen.add("agent " + e.agent()));

        handlers.handle(QUEUE);
        handlers.handle(STATE);
        handlers.handle(new CallEvent.QueueListed(Instant.EPOCH, "sales"));

        assertThat(seen).containsExactly("queue support", "agent 1001");
    }

    @Test
    void whatASubscriberWantsIsTheTypesItHasHandlersFor() {
        CallEventHandlers handlers = CallEventHandlers.none().on(CallEnded.class, e -> {});

        assertThat(handlers.handles(CallEnded.class)).isTrue();
        assertThat(handlers.handles(QueueChanged.class)).isFalse();
        assertThat(handlers.types()).containsExactly(CallEnded.class);
    }

    @Test
    void aHandlerOfTheSealedCallEventTakesEveryEventType() {
        List<CallEvent> seen = new ArrayList<>();
        CallEventHandlers handlers = CallEventHandlers.none().on(CallEvent.class, seen::add);

        handlers.handle(QUEUE);
        handlers.handle(STATE);

        assertThat(seen).containsExactly(QUEUE, STATE);
        assertThat(handlers.types()).hasSize(CallEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void declaringReturnsNewHandlersAndLeavesTheFirstAsTheyWere() {
        CallEventHandlers none = CallEventHandlers.none();
        CallEventHandlers one = none.on(QueueChanged.class, e -> {});

        assertThat(none.types()).isEmpty();
        assertThat(one.types()).containsExactly(QueueChanged.class);
    }
}
