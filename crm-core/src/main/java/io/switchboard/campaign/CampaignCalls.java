package io.switchboard.campaign;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEventHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which calls are campaign calls, from the channel variables the dialer tags them with: the agent's desktop asks by
 * call id to show the lead and offer the campaign's dispositions. Every node keeps this (the events reach them all);
 * an ended call is remembered for {@link #KEPT_AFTER_END} so the agent can still dispose it during wrap-up.
 */
public final class CampaignCalls {

    static final Duration KEPT_AFTER_END = Duration.ofHours(1);

    /** A campaign call: the attempt the agent disposes, the lead it dialled. */
    public record CampaignCall(
            String callId, CampaignId campaignId, LeadId leadId, AttemptId attemptId, Instant endedAt) {}

    private final Map<String, CampaignCall> calls = new ConcurrentHashMap<>();
    private final Clock clock;

    public CampaignCalls(Clock clock) {
        this.clock = clock;
    }

    /** What the calls are learned from: the dialer's tags on a call, and its end. */
    public CallEventHandlers handlers() {
        return CallEventHandlers.none().on(CallTagged.class, this::tagged).on(CallEnded.class, this::ended);
    }

    private void ended(CallEnded ended) {
        calls.computeIfPresent(
                ended.callId(),
                (id, call) -> new CampaignCall(id, call.campaignId(), call.leadId(), call.attemptId(), ended.at()));
        forgetOld();
    }

    private void tagged(CallTagged tagged) {
        if (!tagged.name().startsWith("SWITCHBOARD_")) {
            return;
        }
        long value;
        try {
            value = Long.parseLong(tagged.value().trim());
        } catch (NumberFormatException e) {
            return;
        }
        calls.compute(tagged.callId(), (id, call) -> {
            CampaignCall known = call != null ? call : new CampaignCall(id, null, null, null, null);
            return switch (tagged.name()) {
                case "SWITCHBOARD_CAMPAIGN" ->
                    new CampaignCall(id, new CampaignId(value), known.leadId(), known.attemptId(), null);
                case "SWITCHBOARD_LEAD" ->
                    new CampaignCall(id, known.campaignId(), new LeadId(value), known.attemptId(), null);
                case "SWITCHBOARD_ATTEMPT" ->
                    new CampaignCall(id, known.campaignId(), known.leadId(), new AttemptId(value), null);
                default -> known;
            };
        });
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT_AFTER_END);
        calls.values().removeIf(call -> call.endedAt() != null && call.endedAt().isBefore(cutoff));
    }

    /** The campaign call with this PBX call id, once the dialer's tags have arrived. */
    public Optional<CampaignCall> find(String callId) {
        return Optional.ofNullable(calls.get(callId))
                .filter(call -> call.attemptId() != null && call.campaignId() != null);
    }
}
