package io.switchboard.simulator;

import java.util.Locale;
import java.util.Optional;

/** How the customer's line answers a customer-first (campaign) call the simulator places. */
public enum CampaignOutcome {
    /** A person answers (AMDSTATUS=HUMAN) and is put into the campaign's queue. */
    HUMAN,
    /** An answering machine answers (AMDSTATUS=MACHINE); the dialplan hangs up. */
    MACHINE,
    /** The line is busy: DialEnd BUSY, cause 17, OriginateResponse Reason 0 (Asterisk 22 with Local channels). */
    BUSY,
    /** Nobody picks up before the originate's timeout: OriginateResponse Reason 3. */
    NO_ANSWER,
    /** The carrier cannot place the call: DialEnd CONGESTION, cause 34, OriginateResponse Reason 0. */
    FAILED;

    /** Reads a {@code SIM_OUTCOME} value; {@code ANSWERED} is {@link #HUMAN}, as for click-to-dial. */
    static Optional<CampaignOutcome> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.equals("ANSWERED")) {
            return Optional.of(HUMAN);
        }
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
