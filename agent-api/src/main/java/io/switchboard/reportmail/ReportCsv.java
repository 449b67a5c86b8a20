package io.switchboard.reportmail;

import io.switchboard.directory.Viewer;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a report as the page's CSV export does (the API implements it with the exports' own writers), so a mailed
 * report is the file the subscriber would have downloaded.
 */
public interface ReportCsv {

    /** Checks a subscription's filters by the report's rules; an invalid one is refused naming the field. */
    void check(ReportKind report, Map<String, String> filter);

    /** Writes the report of {@code period} with {@code filter}, computed as {@code viewer} sees it. */
    void write(ReportKind report, Map<String, String> filter, ReportPeriod period, Viewer viewer, Writer out)
            throws IOException;
}
