package io.switchboard.report;

import io.switchboard.csv.SpreadsheetCsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The call history as CSV: one line per call, written as the cursor reads it (the export and its benchmark). */
public final class CallHistoryCsv {

    private static final String[] HEADER = {
        "id",
        "call_id",
        "started_at",
        "answered_at",
        "ended_at",
        "direction",
        "outcome",
        "caller_number",
        "caller_name",
        "callee_number",
        "contact_id",
        "contact_name",
        "queue",
        "agent_extension",
        "ring_seconds",
        "wait_seconds",
        "talk_seconds",
        "disposition",
        "transferred"
    };

    private final SpreadsheetCsvWriter csv;

    private CallHistoryCsv(SpreadsheetCsvWriter csv) {
        this.csv = csv;
    }

    /** The header line, as {@link #to} writes it. */
    static String header() {
        StringWriter out = new StringWriter();
        try {
            to(out).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the header line to {@code out}; {@link #write} adds the calls. */
    public static CallHistoryCsv to(Writer out) throws IOException {
        return new CallHistoryCsv(SpreadsheetCsvWriter.to(out, HEADER));
    }

    public void write(CallRow call) {
        try {
            csv.row(
                    call.id(),
                    call.callId(),
                    call.startedAt().toString(),
                    call.answeredAt() == null ? null : call.answeredAt().toString(),
                    call.endedAt().toString(),
                    call.direction().name(),
                    call.outcome().name(),
                    call.callerNumber(),
                    call.callerName(),
                    call.calleeNumber(),
                    call.contactId(),
                    call.contactName(),
                    call.queue(),
                    call.agentExtension(),
                    call.ringSeconds(),
                    call.waitSeconds(),
                    call.talkSeconds(),
                    call.disposition(),
                    call.transferred());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() throws IOException {
        csv.flush();
    }
}
