package io.switchboard.gateway.call;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A customer-first call (campaigns): the PBX dials {@code number} and, once the customer answers, sends the call to
 * {@code exten} in {@code context} (by default the campaign's queue in {@code campaign-connect}, which runs answering
 * machine detection and then the queue).
 *
 * @param callerId the caller id the customer sees
 * @param ringTimeout how long the customer's line may ring before the PBX gives up (the call ends NO_ANSWER)
 * @param variables channel variables for the dialplan; names starting with {@code SWITCHBOARD_} come back as
 *     {@link CallEvent.CallTagged} with the call's id
 */
public record DialRequest(
        String number,
        String callerId,
        String context,
        String exten,
        Duration ringTimeout,
        Map<String, String> variables) {

    /** Where an answered campaign call goes unless the request says otherwise. */
    public static final String CONNECT_CONTEXT = "campaign-connect";

    public DialRequest {
        requireText(number, "number");
        requireText(context, "context");
        requireText(exten, "exten");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ringTimeout must be positive: " + ringTimeout);
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** Dials {@code number} and puts the answered call into {@code queue} through {@link #CONNECT_CONTEXT}. */
    public static DialRequest toQueue(
            String number, String callerId, String queue, Duration ringTimeout, Map<String, String> variables) {
        return new DialRequest(number, callerId, CONNECT_CONTEXT, queue, ringTimeout, variables);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
