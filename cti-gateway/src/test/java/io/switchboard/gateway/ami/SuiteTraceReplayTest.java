package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end suite's scenarios as recorded from its real Asterisk 22 (agent-api's {@code *OnAsteriskTest}
 * with {@code -Dswitchboard.it.record-traces}, the project's config/ samples), replayed through the simulator over
 * TCP into the gateway and the tracker, held to the suite's assertions on the calls: simulator replay and Asterisk
 * agree on every call's direction, parties, queue, agents, outcome and times.
 */
class SuiteTraceReplayTest extends RecordedTraces {

    @Test
    void queueCallAnswered() throws Exception {
        CallEnded call = theCall("suite_queue_answered.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.caller().number()).isEqualTo("+4930123456");
        assertThat(call.caller().name()).isEqualTo("Alice Example");
        assertThat(call.callee()).isEqualTo("500");
        assertThat(call.queue()).isEqualTo("support");
        assertThat(call.answeredBy()).isEqualTo("1001");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.waitSeconds()).isBetween(1L, 4L);
        assertThat(call.talkSeconds()).isBetween(2L, 5L);
    }

    @Test
    void callerHangsUpInTheQueue() throws Exception {
        CallEnded call = theCall("suite_queue_abandoned.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.caller().number()).isEqualTo("+442071234567");
        assertThat(call.queue()).isEqualTo("support");
        assertThat(call.firstRangAgent()).isEqualTo("1001");
        assertThat(call.answeredBy()).isNull();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(call.waitSeconds()).isBetween(3L, 6L);
        assertThat(call.talkSeconds()).isZero();
    }

    @Test
    void ringAllAnsweredByOneAgent() throws Exception {
        CallEnded call = theCall("suite_ringall_answered.ami");

        assertThat(call.caller().number()).isEqualTo("0301234567");
        assertThat(call.queue()).isEqualTo("sales");
        assertThat(rang()).containsExactlyInAnyOrder("1004", "1005");
        assertThat(call.answeredBy()).isEqualTo("1004");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.waitSeconds()).isBetween(1L, 4L);
    }

    @Test
    void ringNoAnswerMovesToTheNextAgent() throws Exception {
        CallEnded call = theCall("suite_ring_no_answer.ami");

        assertThat(call.queue()).isEqualTo("support");
        assertThat(call.firstRangAgent()).isEqualTo("1001");
        assertThat(call.answeredBy()).isEqualTo("1002");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.waitSeconds()).isBetween(15L, 20L);
    }

    @Test
    void directDialNobodyAnswers() throws Exception {
        CallEnded call = theCall("suite_direct_missed.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.callee()).isEqualTo("502");
        assertThat(call.firstRangAgent()).isEqualTo("1001");
        assertThat(call.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.talkSeconds()).isZero();
    }

    @Test
    void clickToDialAnsweredByTheCustomer() throws Exception {
        CallEnded call = theCall("suite_click_to_dial_answered.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(call.callee()).isEqualTo("+4930555551");
        assertThat(call.answeredBy()).isEqualTo("1002");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.talkSeconds()).isBetween(7L, 11L);
        assertThat(rang()).as("no pop for one's own click-to-dial").isEmpty();
    }

    @Test
    void clickToDialToABusyNumberIsTheAgents() throws Exception {
        CallEnded call = theCall("suite_click_to_dial_busy.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(call.callee()).isEqualTo("+4930555552");
        assertThat(call.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(call.finalAgent()).isEqualTo("1002");
    }

    @Test
    void clickToDialNobodyAnswers() throws Exception {
        CallEnded call = theCall("suite_click_to_dial_no_answer.ami");

        assertThat(call.callee()).isEqualTo("+4930555553");
        assertThat(call.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(call.finalAgent()).isEqualTo("1002");
    }

    @Test
    void campaignWithEveryOutcome() throws Exception {
        Map<String, CallEnded> byNumber =
                replay("suite_campaign.ami", 5).stream().collect(Collectors.toMap(CallEnded::callee, call -> call));

        byNumber.values().forEach(call -> assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND));
        assertThat(byNumber.get("+4930555661").outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(byNumber.get("+4930555661").answeredBy()).isEqualTo("3001");
        assertThat(byNumber.get("+4930555662").outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(byNumber.get("+4930555663").outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(byNumber.get("+4930555664").outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(byNumber.get("+4930555665").outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(byNumber.get("+4930555665").answeredBy()).isNull();
    }
}
