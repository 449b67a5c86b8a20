package io.switchboard.campaign;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.campaign.pacing.DialMode;
import java.util.Locale;

/**
 * Dial attempts by outcome, leads claimed, and leads blocked by do-not-call just before dialling. Tags are the
 * outcome and the dial mode, never campaign names or numbers (campaigns come and go; the API shows per-campaign
 * figures).
 */
final class CampaignMetrics {

    private final MeterRegistry registry;

    CampaignMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void claimed(DialMode mode, int leads) {
        registry.counter("switchboard.campaigns.leads.claimed", "mode", tag(mode.name()))
                .increment(leads);
    }

    void attemptEnded(AttemptOutcome outcome) {
        registry.counter("switchboard.campaigns.attempts", "outcome", tag(outcome.name()))
                .increment();
    }

    void dncBlocked(int leads) {
        registry.counter("switchboard.campaigns.leads.dnc.blocked").increment(leads);
    }

    void disposed(DispositionAction action) {
        registry.counter("switchboard.campaigns.dispositions", "action", tag(action.name()))
                .increment();
    }

    void released(int attempts) {
        registry.counter("switchboard.campaigns.attempts.released.stale").increment(attempts);
    }

    /** Attempts whose call never reached the PBX, taken back so the lead is dialled once by the next dialer. */
    void givenBack() {
        registry.counter("switchboard.campaigns.attempts.given.back").increment();
    }

    private static String tag(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
