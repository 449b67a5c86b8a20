package io.switchboard.gateway.webhook;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.PbxEvent;
import io.switchboard.gateway.call.PbxEvent.AgentAlerted;
import io.switchboard.gateway.call.PbxEvent.AgentAnswered;
import io.switchboard.gateway.call.PbxEvent.CallBegan;
import io.switchboard.gateway.call.PbxEvent.CallHungUp;
import java.time.Instant;
import java.util.List;

/**
 * One validated call event as a PBX posted it (the schema is in {@code docs/pbx-webhook.md}), and what it means
 * to the call model. {@code callId} is the PBX's id of the call; times are the PBX's.
 */
sealed interface WebhookEvent {

    String eventId();

    String callId();

    Instant occurredAt();

    EventType type();

    /** The same event in the call model's PBX-neutral terms, in the order the tracker applies them. */
    List<PbxEvent> toPbxEvents();

    /** {@code call.new}: the call reached the PBX (inbound) or an agent placed it (outbound). */
    record NewCall(
            String eventId,
            String callId,
            Instant occurredAt,
            CallDirection direction,
            String from,
            String fromName,
            String to,
            String queue)
            implements WebhookEvent {

        @Override
        public EventType type() {
            return EventType.NEW_CALL;
        }

        @Override
        public List<PbxEvent> toPbxEvents() {
            return List.of(new CallBegan(occurredAt.toEpochMilli(), callId, direction, from, fromName, to, queue));
        }
    }

    /** {@code call.ringing}: an agent's phone rings for the call. */
    record Ringing(String eventId, String callId, Instant occurredAt, String agent) implements WebhookEvent {

        @Override
        public EventType type() {
            return EventType.RINGING;
        }

        @Override
        public List<PbxEvent> toPbxEvents() {
            return List.of(new AgentAlerted(occurredAt.toEpochMilli(), callId, agent));
        }
    }

    /** {@code call.answered}: the agent took the call (outbound: the called party answered the agent). */
    record Answered(String eventId, String callId, Instant occurredAt, String agent) implements WebhookEvent {

        @Override
        public EventType type() {
            return EventType.ANSWERED;
        }

        @Override
        public List<PbxEvent> toPbxEvents() {
            return List.of(new AgentAnswered(occurredAt.toEpochMilli(), callId, agent));
        }
    }

    /** {@code call.hangup}: the call is over; {@code cause} is a Q.850 cause code. */
    record Hangup(String eventId, String callId, Instant occurredAt, int cause, String causeText)
            implements WebhookEvent {

        @Override
        public EventType type() {
            return EventType.HANGUP;
        }

        @Override
        public List<PbxEvent> toPbxEvents() {
            return List.of(new CallHungUp(occurredAt.toEpochMilli(), callId, cause, causeText));
        }
    }
}
