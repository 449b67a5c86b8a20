package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallAbandoned;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signed events posted over real HTTP become the right call events on the bus, each call ending exactly once. */
class WebhookCallTrackingTest {

    private final WebhookFixture webhook = new WebhookFixture();

    @AfterEach
    void stop() {
        webhook.close();
    }

    private void postAccepted(String body) {
        HttpResponse<String> response = webhook.client.post(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains("\"result\":\"accepted\"");
    }

    @Test
    void anInboundQueueCallAnsweredByAnAgentIsFollowedToOneAnsweredCallEnded() {
        CallScript call = new CallScript("pbx-call-1");
        postAccepted(call.inbound("+4930123456", "500", "support"));
        postAccepted(call.advance(3).ringing("1001"));
        postAccepted(call.advance(2).answered("1001"));
        postAccepted(call.advance(60).hangup(16));

        CallEnded ended = webhook.awaitEnded("pbx-call-1");
        assertThat(webhook.events.typesFor("pbx-call-1"))
                .containsExactly("CallStarted", "CallQueued", "AgentRinging", "CallAnswered", "CallEnded");
        assertThat(webhook.events.started()).singleElement().satisfies(started -> {
            assertThat(started.direction()).isEqualTo(CallDirection.INBOUND);
            assertThat(started.caller()).isEqualTo(new Party("+4930123456", "Alice Example"));
            assertThat(started.callee()).isEqualTo("500");
            assertThat(started.at()).isEqualTo(Instant.parse("2026-05-04T09:30:00.250Z"));
        });
        assertThat(webhook.events.of(CallQueued.class)).singleElement().satisfies(queued -> {
            assertThat(queued.queue()).isEqualTo("support");
            assertThat(queued.position()).isEqualTo(1);
        });
        assertThat(webhook.events.of(AgentRinging.class)).singleElement().satisfies(ringing -> {
            assertThat(ringing.agent()).isEqualTo("1001");
            assertThat(ringing.queue()).isEqualTo("support");
            assertThat(ringing.caller().number()).isEqualTo("+4930123456");
            assertThat(ringing.waitSeconds()).isEqualTo(3);
        });
        assertThat(webhook.events.of(CallAnswered.class)).singleElement().satisfies(answered -> {
            assertThat(answered.agent()).isEqualTo("1001");
            assertThat(answered.waitSeconds()).isEqualTo(5);
        });
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(ended.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(ended.queue()).isEqualTo("support");
        assertThat(ended.firstRangAgent()).isEqualTo("1001");
        assertThat(ended.answeredBy()).isEqualTo("1001");
        assertThat(ended.finalAgent()).isEqualTo("1001");
        assertThat(ended.waitSeconds()).isEqualTo(5);
        assertThat(ended.ringSeconds()).isEqualTo(2);
        assertThat(ended.talkSeconds()).isEqualTo(60);
        assertThat(ended.hangupCause()).isEqualTo(16);
        assertThat(ended.reconciled()).isFalse();
        assertThat(webhook.events("call.new")).isEqualTo(1);
        assertThat(webhook.events("call.hangup")).isEqualTo(1);
        assertThat(webhook.requests("accepted")).isEqualTo(4);
        await().atMost(Duration.ofSeconds(5)).until(() -> webhook.gateway.activeCalls() == 0);
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedEndsAbandonedAndTheRingingAgentIsReleased() {
        CallScript call = new CallScript("pbx-call-2");
        postAccepted(call.inbound("+4930123457", "500", "support"));
        postAccepted(call.advance(2).ringing("1002"));
        postAccepted(call.advance(10).hangup(16));

        CallEnded ended = webhook.awaitEnded("pbx-call-2");
        assertThat(webhook.events.typesFor("pbx-call-2"))
                .containsExactly(
                        "CallStarted", "CallQueued", "AgentRinging", "CallAbandoned", "AgentRingStopped", "CallEnded");
        assertThat(webhook.events.of(CallAbandoned.class)).singleElement().satisfies(abandoned -> {
            assertThat(abandoned.queue()).isEqualTo("support");
            assertThat(abandoned.waitSeconds()).isEqualTo(12);
        });
        assertThat(webhook.events.of(AgentRingStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.agent()).isEqualTo("1002");
            assertThat(stopped.reason()).isEqualTo(RingStopReason.CALLER_LEFT);
        });
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(ended.answeredBy()).isNull();
        assertThat(ended.firstRangAgent()).isEqualTo("1002");
        assertThat(ended.waitSeconds()).isEqualTo(12);
        assertThat(ended.talkSeconds()).isZero();
    }

    @Test
    void anInboundCallNobodyAnsweredOutsideAQueueEndsMissed() {
        CallScript call = new CallScript("pbx-call-3");
        postAccepted(call.inbound("+4930123458", "1003", null));
        postAccepted(call.advance(1).ringing("1003"));
        postAccepted(call.advance(20).hangup(19));

        CallEnded ended = webhook.awaitEnded("pbx-call-3");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(ended.queue()).isNull();
        assertThat(ended.firstRangAgent()).isEqualTo("1003");
        assertThat(ended.waitSeconds()).isEqualTo(21);
        assertThat(ended.hangupCause()).isEqualTo(19);
        assertThat(webhook.events.of(CallAbandoned.class)).isEmpty();
    }

    @Test
    void anOutboundCallAnsweredByTheCalledPartyCountsTalkTimeFromTheAnswer() {
        CallScript call = new CallScript("pbx-call-4");
        postAccepted(call.outbound("1004", "+4930555551"));
        postAccepted(call.advance(8).answered("1004"));
        postAccepted(call.advance(30).hangup(16));

        CallEnded ended = webhook.awaitEnded("pbx-call-4");
        CallStarted started = webhook.events.started().get(0);
        assertThat(started.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(started.caller().number()).isEqualTo("1004");
        assertThat(started.callee()).isEqualTo("+4930555551");
        assertThat(webhook.events.of(AgentRinging.class)).isEmpty();
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(ended.answeredBy()).isEqualTo("1004");
        assertThat(ended.talkSeconds()).isEqualTo(30);
        assertThat(ended.ringSeconds()).isZero();
    }

    @Test
    void anOutboundCallToABusyLineEndsBusyByItsHangupCause() {
        CallScript call = new CallScript("pbx-call-5");
        postAccepted(call.outbound("1004", "+4930555552"));
        postAccepted(call.advance(2).hangup(17));

        CallEnded ended = webhook.awaitEnded("pbx-call-5");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(ended.hangupCause()).isEqualTo(17);
    }

    @Test
    void aRepeatedEventIdIsAcknowledgedAndIgnored() {
        CallScript call = new CallScript("pbx-call-6");
        String started = call.inbound("+4930123459", "500", "support");
        String answered = call.advance(4).answered("1001");
        String hangup = call.advance(10).hangup(16);
        for (String event : new String[] {started, answered, hangup}) {
            postAccepted(event);
        }
        for (String event : new String[] {started, answered, hangup}) {
            HttpResponse<String> repeat = webhook.client.post(event);
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(repeat.body()).contains("\"result\":\"duplicate\"");
        }

        CallEnded ended = webhook.awaitEnded("pbx-call-6");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(webhook.events.started()).hasSize(1);
        assertThat(webhook.events.of(CallAnswered.class)).hasSize(1);
        assertThat(webhook.requests("duplicate")).isEqualTo(3);
        assertThat(webhook.events("call.hangup"))
                .as("duplicates are not counted as events")
                .isEqualTo(1);
    }

    @Test
    void eventsResentUnderNewEventIdsNeitherQueueNorEndTheCallTwice() {
        CallScript call = new CallScript("pbx-call-7");
        postAccepted(call.inbound("+4930123460", "500", "support"));
        postAccepted(call.advance(1).inbound("+4930123460", "500", "support"));
        postAccepted(call.advance(5).hangup(16));
        webhook.awaitEnded("pbx-call-7");

        postAccepted(call.hangup(16));
        postAccepted(call.answered("1001"));

        assertThat(webhook.awaitEnded("pbx-call-7").outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(webhook.events.typesFor("pbx-call-7"))
                .containsExactly("CallStarted", "CallQueued", "CallAbandoned", "CallEnded");
    }
}
