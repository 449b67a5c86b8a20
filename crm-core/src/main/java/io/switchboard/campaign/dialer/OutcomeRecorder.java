package io.switchboard.campaign.dialer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignNotFoundException;
import io.switchboard.campaign.LeadQueue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores attempts' outcomes in the lead queue. An outcome the database refuses (it is restarting, say) is kept and
 * stored again on the next rounds, so none is lost. Dialer thread only.
 */
final class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    /** An attempt's end as the lead queue records it. */
    record EndedAttempt(
            AttemptId attemptId,
            CampaignId campaignId,
            AttemptOutcome outcome,
            String callId,
            String agent,
            Instant at) {}

    private final LeadQueue leads;
    private final MeterRegistry registry;
    private final Deque<EndedAttempt> unrecorded = new ArrayDeque<>();

    OutcomeRecorder(LeadQueue leads, MeterRegistry registry) {
        this.leads = leads;
        this.registry = registry;
    }

    void record(EndedAttempt ended) {
        Counter.builder("switchboard.dialer.attempts.ended")
                .description("Dial attempts ended, by campaign and outcome")
                .tag("campaign", ended.campaignId().toString())
                .tag("outcome", ended.outcome().name())
                .register(registry)
                .increment();
        store(ended);
    }

    /** Stores again what the database refused before, oldest first. */
    void retryUnrecorded() {
        int pending = unrecorded.size();
        for (int i = 0; i < pending; i++) {
            store(unrecorded.pollFirst());
        }
    }

    private void store(EndedAttempt ended) {
        try {
            leads.attemptEnded(ended.attemptId(), ended.outcome(), ended.callId(), ended.agent(), ended.at());
        } catch (CampaignNotFoundException gone) {
            // given back (its call never reached the PBX) or its campaign deleted: nothing left to record
            log.info("Attempt {} is gone; its end ({}) is not recorded", ended.attemptId(), ended.outcome());
        } catch (RuntimeException e) {
            log.warn(
                    "Could not record attempt {} ({}); will retry: {}",
                    ended.attemptId(),
                    ended.outcome(),
                    e.toString());
            unrecorded.addLast(ended);
        }
    }
}
