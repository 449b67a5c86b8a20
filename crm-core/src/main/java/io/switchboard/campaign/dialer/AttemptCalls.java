package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.campaign.OpenAttempts.OpenAttempt;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEventHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends campaign attempts on the node that follows their PBX (the link's owner), whichever node placed them: the
 * {@code SWITCHBOARD_ATTEMPT} tag binds the call to its attempt (also in the database, so that a node that takes the
 * link over mid-call, and never saw the tag, still finds the attempt by the call's id), and the call's end records
 * the outcome. The dialer, wherever it runs, records the same end when it sees it: the lead queue keeps the first
 * and ignores the second, so an attempt ends once even when the dialer moved or its node stopped mid-call.
 * Subscribed for this node's links only, on a worker of its own (it writes to the database).
 */
final class AttemptCalls {

    private static final Logger log = LoggerFactory.getLogger(AttemptCalls.class);

    /** What was seen of one campaign call. */
    private static final class Followed {
        final OpenAttempt attempt;
        final Instant since;
        volatile boolean machine;
        volatile boolean personFound;

        Followed(OpenAttempt attempt, Instant since) {
            this.attempt = attempt;
            this.since = since;
        }
    }

    private final OpenAttempts open;
    private final LeadQueue leads;
    private final String amdVariable;
    private final Duration forgetAfter;
    private final Map<String, Followed> calls = new ConcurrentHashMap<>();

    AttemptCalls(OpenAttempts open, LeadQueue leads, String amdVariable, Duration forgetAfter) {
        this.open = open;
        this.leads = leads;
        this.amdVariable = amdVariable;
        this.forgetAfter = forgetAfter;
    }

    CallEventHandlers handlers() {
        return CallEventHandlers.none()
                .on(CallTagged.class, this::tagged)
                .on(CallQueued.class, queued -> found(queued.callId()))
                .on(CallAnswered.class, answered -> found(answered.callId()))
                .on(CallEnded.class, this::ended);
    }

    private void tagged(CallTagged tagged) {
        if (AttemptPlacer.ATTEMPT_VARIABLE.equals(tagged.name())) {
            AttemptId attemptId;
            try {
                attemptId = new AttemptId(Long.parseLong(tagged.value().trim()));
            } catch (NumberFormatException e) {
                return; // the dialer logs it
            }
            open.open(attemptId).ifPresent(attempt -> {
                calls.put(tagged.callId(), new Followed(attempt, tagged.at()));
                open.bindCall(attemptId, tagged.callId());
            });
        } else if (amdVariable.equalsIgnoreCase(tagged.name())) {
            Followed call = calls.get(tagged.callId());
            if (call != null) {
                call.machine = "MACHINE".equalsIgnoreCase(tagged.value());
                call.personFound = "HUMAN".equalsIgnoreCase(tagged.value());
            }
        }
    }

    private void found(String callId) {
        Followed call = calls.get(callId);
        if (call != null && !call.machine) {
            call.personFound = true;
        }
    }

    private void ended(CallEnded ended) {
        Followed call = Optional.ofNullable(calls.remove(ended.callId()))
                .or(() -> ended.direction() == CallDirection.OUTBOUND
                        ? open.ofCall(ended.callId()).map(attempt -> new Followed(attempt, ended.at()))
                        : Optional.empty())
                .orElse(null);
        forgetOlderThan(ended.at().minus(forgetAfter));
        if (call == null) {
            return;
        }
        boolean personFound = call.personFound || ended.queue() != null;
        AttemptOutcome outcome = AttemptOutcomes.of(call.machine, !call.attempt.agentFirst(), personFound, ended);
        String agent = ended.finalAgent() != null ? ended.finalAgent() : ended.answeredBy();
        try {
            leads.attemptEnded(call.attempt.attemptId(), outcome, ended.callId(), agent, ended.at());
        } catch (RuntimeException e) {
            // the dialer's own record, or its lost-attempt sweep, ends it later
            log.warn("Could not end attempt {} of call {}: {}", call.attempt.attemptId(), ended.callId(), e.toString());
        }
    }

    /** Calls whose end never came (a PBX that lost them) are not kept for ever. */
    private void forgetOlderThan(Instant cutoff) {
        calls.values().removeIf(call -> call.since.isBefore(cutoff));
    }
}
