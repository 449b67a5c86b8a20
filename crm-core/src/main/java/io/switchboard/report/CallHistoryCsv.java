package io.switchboard.report;

import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.gateway.call.PbxName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The call history as CSV: one line per call, written as the cursor reads it (the export and its benchmark). Queues
 * and agents of a PBX other than the default one read as the pages show them ({@code support (b)}, {@code 1001 (b)}).
 */
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
                    // as people know them: b:support is "support (b)"; a bare name (one PBX) as it is
                    PbxName.label(call.queue()),
                    PbxName.label(call.agentExtension()),
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
