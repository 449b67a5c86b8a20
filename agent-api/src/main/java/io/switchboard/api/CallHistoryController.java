package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.report.CallDetail;
import io.switchboard.report.CallHistory;
import io.switchboard.report.CallHistoryFilter;
import io.switchboard.report.CallHistoryPage;
import io.switchboard.report.CallSort;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The call history (supervisors their team's calls, admins all): search, one call's detail, and the same search as a
 * CSV file streamed from a database cursor.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Call history and interval reports for supervisors and admins")
class CallHistoryController {

    private static final int MAX_PAGE = 200;
    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    private static final Duration MAX_RANGE = Duration.ofDays(366);

    /** The filter's parameters, bound by name from the query string. */
    record Filter(
            String from,
            String to,
            String direction,
            String queue,
            String agent,
            String outcome,
            String disposition,
            String number,
            String waitOver,
            String talkOver,
            String transferred,
            String sort,
            String order) {

        /**
         * Checks every parameter, naming the one that is wrong. Without {@code to} the range ends now; without
         * {@code from} it starts a week before its end.
         */
        CallHistoryFilter toFilter() {
            Instant given = ReportParameters.instant("to", to);
            Instant end = given == null ? Instant.now() : given;
            Instant start = ReportParameters.instant("from", from);
            start = start == null ? end.minus(DEFAULT_RANGE) : start;
            if (!start.isBefore(end)) {
                throw InvalidRequestException.of("to", "must be after from");
            }
            if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                throw InvalidRequestException.of("to", "must be at most 366 days after from");
            }
            String digits = number == null ? null : number.replaceAll("[^0-9]", "");
            if (number != null && !number.isBlank() && (digits.length() < 3 || !number.matches("[0-9 +()./-]+"))) {
                throw InvalidRequestException.of("number", "must be a phone number of at least 3 digits");
            }
            if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
                throw InvalidRequestException.of("order", "'" + order + "' is not one of asc, desc");
            }
            return new CallHistoryFilter(
                    start,
                    end,
                    ReportParameters.choice("direction", direction, CallDirection.class),
                    ReportParameters.text(queue),
                    ReportParameters.text(agent),
                    ReportParameters.choice("outcome", outcome, CallOutcome.class),
                    ReportParameters.text(disposition),
                    digits == null || digits.isEmpty() ? null : digits,
                    ReportParameters.seconds("waitOver", waitOver),
                    ReportParameters.seconds("talkOver", talkOver),
                    ReportParameters.yesNo("transferred", transferred),
                    ReportParameters.choice("sort", sort, CallSort.class),
                    "asc".equalsIgnoreCase(order));
        }
    }

    private final CallHistory history;

    CallHistoryController(CallHistory history) {
        this.history = history;
    }

    /**
     * Calls that started in {@code from}..{@code to} (ISO-8601 instants; the last 7 days by default, at most 366),
     * filtered by {@code direction}, {@code queue}, {@code agent} (an extension), {@code outcome}, {@code
     * disposition}, {@code number} (the customer's, any format), {@code waitOver} and {@code talkOver} (seconds),
     * {@code transferred}; sorted by {@code sort} ({@code started}, {@code wait}, {@code talk}, {@code queue},
     * {@code agent}, {@code outcome}, {@code direction}) in {@code order} ({@code desc} by default).
     */
    @GetMapping("/calls")
    CallHistoryPage calls(
            Filter filter,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal SwitchboardUser me) {
        Paging.page(page, size, MAX_PAGE);
        return history.page(filter.toFilter(), me.viewer(), page, size);
    }

    @GetMapping("/calls/{id}")
    CallDetail call(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return history.detail(id, me.viewer()).orElseThrow(() -> new NotFoundException("No call " + id));
    }

    /** The same filter, every matching call in the same order, as a spreadsheet-safe CSV file. */
    @GetMapping(path = "/calls.csv", produces = "text/csv")
    void export(Filter filter, @AuthenticationPrincipal SwitchboardUser me, HttpServletResponse response)
            throws IOException {
        CallHistoryFilter checked = filter.toFilter();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"calls.csv\"");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        history.exportCsv(checked, me.viewer(), out);
        out.flush();
    }
}
