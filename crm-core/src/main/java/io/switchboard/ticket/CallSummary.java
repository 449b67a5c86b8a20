package io.switchboard.ticket;

import io.switchboard.activity.Activity;
import io.switchboard.gateway.call.CallDirection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What a ticket opened from a call says about the call unless the agent writes otherwise. */
final class CallSummary {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Activity call;
    private final ZoneId zone;

    CallSummary(Activity call, ZoneId zone) {
        this.call = call;
        this.zone = zone;
    }

    /** {@code Call from Ada Lovelace (+49301234567), 2026-11-02 13:00}. */
    String subject() {
        boolean outbound = call.direction() == CallDirection.OUTBOUND;
        String who = call.contactName() != null
                ? call.contactName() + " (" + customerNumber(outbound) + ")"
                : call.callerName() != null && !outbound
                        ? call.callerName() + " (" + customerNumber(false) + ")"
                        : customerNumber(outbound);
        String subject = (outbound ? "Call to " : "Call from ") + who + ", "
                + WHEN.format(call.startedAt().atZone(zone));
        return subject.length() > Tickets.MAX_SUBJECT ? subject.substring(0, Tickets.MAX_SUBJECT) : subject;
    }

    /** Direction, queue, agent, times, outcome, and the agent's disposition and notes. */
    String description() {
        StringBuilder text = new StringBuilder()
                .append(call.direction().name().toLowerCase(Locale.ROOT))
                .append(" call ")
                .append(call.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (call.queue() != null) {
            text.append(" via queue ").append(call.queue());
        }
        if (call.agentExtension() != null) {
            text.append(", agent ").append(call.agentExtension());
        }
        text.append(", waited ")
                .append(call.waitSeconds())
                .append(" s, talked ")
                .append(call.talkSeconds())
                .append(" s");
        text.append(" (call ").append(call.callId()).append(')');
        if (call.disposition() != null) {
            text.append("\nDisposition: ").append(call.disposition());
        }
        if (call.notes() != null && !call.notes().isBlank()) {
            text.append("\nNotes: ").append(call.notes().strip());
        }
        String description = text.toString();
        return description.length() > Tickets.MAX_DESCRIPTION
                ? description.substring(0, Tickets.MAX_DESCRIPTION)
                : description;
    }

    private String customerNumber(boolean outbound) {
        String number = outbound ? call.calleeNumber() : call.callerNumber();
        return number == null || number.isBlank() ? "unknown number" : number;
    }
}
