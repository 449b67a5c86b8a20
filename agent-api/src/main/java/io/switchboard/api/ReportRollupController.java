package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.queue.QueueProperties;
import io.switchboard.report.QueueRollup;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admins' command to recount the interval reports' rollup from the activities: after activities were loaded or
 * changed behind the server's back (a restore of only the activities, SQL by hand, a rolling upgrade from a version
 * without the rollup).
 */
@RestController
@RequestMapping("/api/v1/reports/rollup")
@Tag(name = "Reports", description = "Call history and interval reports for supervisors and admins")
class ReportRollupController {

    private final QueueRollup rollup;
    private final QueueProperties properties;

    ReportRollupController(QueueRollup rollup, QueueProperties properties) {
        this.rollup = rollup;
        this.properties = properties;
    }

    /**
     * Recounts the days {@code from} to {@code to} (both included, ISO dates in the centre's zone), or every
     * activity when both are left out; safe while calls are being recorded.
     */
    @PostMapping("/rebuild")
    QueueRollup.Rebuilt rebuild(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate first = ReportParameters.date("from", from);
        LocalDate last = ReportParameters.date("to", to);
        if (first == null && last == null) {
            return rollup.rebuildAll();
        }
        if (first == null || last == null) {
            throw InvalidRequestException.of(first == null ? "from" : "to", "give both from and to, or neither");
        }
        if (last.isBefore(first)) {
            throw InvalidRequestException.of("to", "must be on or after from");
        }
        return rollup.rebuild(
                first.atStartOfDay(properties.zone()).toInstant(),
                last.plusDays(1).atStartOfDay(properties.zone()).toInstant());
    }
}
