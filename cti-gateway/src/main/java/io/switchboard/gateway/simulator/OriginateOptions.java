package io.switchboard.gateway.simulator;

import java.util.List;
import java.util.Locale;

/**
 * How an originated call plays out, read from the Originate's channel variables so tests can steer it:
 * {@code SIM_OUTCOME=ANSWERED|BUSY|NO_ANSWER}, {@code SIM_RING=<seconds>}, {@code SIM_TALK=<seconds>}.
 * A real Asterisk would just set these variables on the channel.
 */
record OriginateOptions(OutboundOutcome outcome, double customerRingSeconds, double talkSeconds) {

    static OriginateOptions from(List<String> variables) {
        OutboundOutcome outcome = OutboundOutcome.ANSWERED;
        double ring = 2;
        double talk = 4.5;
        for (String variable : variables) {
            for (String assignment : variable.split(",")) {
                int eq = assignment.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = assignment.substring(0, eq).trim().toUpperCase(Locale.ROOT);
                String value = assignment.substring(eq + 1).trim();
                try {
                    switch (name) {
                        case "SIM_OUTCOME" -> outcome = OutboundOutcome.valueOf(value.toUpperCase(Locale.ROOT));
                        case "SIM_RING" -> ring = Double.parseDouble(value);
                        case "SIM_TALK" -> talk = Double.parseDouble(value);
                        default -> {}
                    }
                } catch (IllegalArgumentException ignored) {
                    // Not a simulator hint we understand: a real Asterisk would just set the variable.
                }
            }
        }
        return new OriginateOptions(outcome, ring, talk);
    }
}
