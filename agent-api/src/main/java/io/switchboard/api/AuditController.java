package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.directory.AuditEntry;
import io.switchboard.directory.AuditLog;
import io.switchboard.directory.AuditQuery;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The audit log for admins: who changed what and when, filtered and paged, or as a CSV file. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Audit", description = "Every change to users, teams, campaigns' settings, DNC lists and contact deletions")
class AuditController {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PAGE = 500;

    /** An entry with its before and after as JSON objects ({@code null} for a creation or a deletion). */
    record AuditView(
            long id,
            Instant at,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            JsonNode before,
            JsonNode after) {

        static AuditView of(AuditEntry entry) {
            return new AuditView(
                    entry.id(),
                    entry.at(),
                    entry.actor(),
                    entry.action(),
                    entry.subjectType(),
                    entry.subjectId(),
                    entry.before() == null ? null : JSON.readTree(entry.before()),
                    entry.after() == null ? null : JSON.readTree(entry.after()));
        }
    }

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Newest first. Every filter is optional: {@code actor} (a username), {@code action} ({@code user.updated}),
     * {@code subjectType} ({@code user}, {@code team}, {@code campaign}, {@code dnc}, {@code contact}),
     * {@code subjectId}, and the time range {@code from} (inclusive) to {@code to} (exclusive), ISO-8601 instants.
     */
    @GetMapping("/audit")
    PageResponse<AuditView> list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal SwitchboardUser me) {
        Paging.page(page, size, MAX_PAGE);
        return PageResponse.of(
                audit.find(new AuditQuery(actor, action, subjectType, subjectId, from, to), me.viewer(), page, size),
                AuditView::of);
    }

    /** The same filters, every matching entry oldest first, as a spreadsheet-safe CSV file. */
    @GetMapping(path = "/audit.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @AuthenticationPrincipal SwitchboardUser me,
            HttpServletResponse response)
            throws IOException {
        AuditQuery query = new AuditQuery(actor, action, subjectType, subjectId, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        SpreadsheetCsvWriter csv = SpreadsheetCsvWriter.to(
                out, "id", "at", "actor", "action", "subject_type", "subject_id", "before", "after");
        audit.each(query, me.viewer(), entry -> {
            try {
                csv.row(
                        entry.id(),
                        entry.at().toString(),
                        entry.actor(),
                        entry.action(),
                        entry.subjectType(),
                        entry.subjectId(),
                        entry.before(),
                        entry.after());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }
}
