package io.switchboard.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The days a report covers, read from its {@code from} and {@code to} parameters (both included; today and
 * {@code from} when left out), and the CSV download the reports share. Each refusal is a 400 problem naming the
 * parameter, the same for every report.
 */
record ReportDays(LocalDate first, LocalDate last) {

    /** Refuses a {@code to} before {@code from}, or a range longer than {@code maxDays}. */
    static ReportDays of(String from, String to, LocalDate today, int maxDays) {
        LocalDate given = ReportParameters.date("from", from);
        LocalDate first = given == null ? today : given;
        LocalDate until = ReportParameters.date("to", to);
        LocalDate last = until == null ? first : until;
        if (last.isBefore(first)) {
            throw InvalidRequestException.of("to", "must be on or after from");
        }
        if (first.plusDays(maxDays).isBefore(last.plusDays(1))) {
            throw InvalidRequestException.of("to", "must be at most " + maxDays + " days after from");
        }
        return new ReportDays(first, last);
    }

    /** Sets the response up as a UTF-8 CSV attachment named {@code fileName}; the caller writes and flushes. */
    static Writer csvDownload(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }
}
