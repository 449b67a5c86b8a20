package io.switchboard.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        for (Map.Entry<String, String> variable : variables(variables).entrySet()) {
            String value = variable.getValue();
            try {
                switch (variable.getKey().toUpperCase(Locale.ROOT)) {
                    case "SIM_OUTCOME" -> outcome = OutboundOutcome.valueOf(value.toUpperCase(Locale.ROOT));
                    case "SIM_RING" -> ring = Double.parseDouble(value);
                    case "SIM_TALK" -> talk = Double.parseDouble(value);
                    default -> {}
                }
            } catch (IllegalArgumentException ignored) {
                // Not a simulator hint we understand: a real Asterisk would just set the variable.
            }
        }
        return new OriginateOptions(outcome, ring, talk);
    }

    /** The Originate's {@code Variable} headers ({@code A=1} each, or {@code A=1,B=2}) in the order given. */
    static Map<String, String> variables(List<String> headers) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String header : headers) {
            for (String assignment : header.split(",")) {
                int eq = assignment.indexOf('=');
                if (eq > 0) {
                    variables.put(
                            assignment.substring(0, eq).trim(),
                            assignment.substring(eq + 1).trim());
                }
            }
        }
        return variables;
    }

    /** A number from a {@code SIM_RING}/{@code SIM_TALK} hint, or {@code fallback}. */
    static double seconds(Map<String, String> variables, String name, double fallback) {
        try {
            String value = variables.get(name);
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
