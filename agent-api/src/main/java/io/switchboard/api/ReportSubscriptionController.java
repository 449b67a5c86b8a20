package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.reportmail.Frequency;
import io.switchboard.reportmail.InvalidSubscriptionException;
import io.switchboard.reportmail.ReportKind;
import io.switchboard.reportmail.ReportSubscriptions;
import io.switchboard.reportmail.Subscription;
import io.switchboard.security.SwitchboardUser;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled reports: a supervisor's (or admin's) subscriptions to reports mailed as CSV. */
@RestController
@RequestMapping("/api/v1/reports/subscriptions")
@Tag(name = "Reports", description = "Call history and interval reports for supervisors and admins")
class ReportSubscriptionController {

    /**
     * A subscription: {@code report} {@code calls} or {@code intervals}, {@code frequency} {@code daily} (the day
     * before, sent at {@code at}) or {@code weekly} (the seven days before, sent on {@code weekday} at {@code at}),
     * the address, and the report's filters as its page's parameters ({@code {"queue": "support"}}).
     */
    record SubscriptionRequest(
            String report, String frequency, String at, String weekday, String email, Map<String, String> filter) {}

    private final ReportSubscriptions subscriptions;

    ReportSubscriptionController(ReportSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The caller's own subscriptions. */
    @GetMapping
    List<Subscription> mine(@AuthenticationPrincipal SwitchboardUser me) {
        return subscriptions.of(me.viewer());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Subscription subscribe(@RequestBody SubscriptionRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        try {
            return subscriptions.subscribe(
                    me.viewer(),
                    ReportParameters.choice("report", request.report(), ReportKind.class),
                    ReportParameters.choice("frequency", request.frequency(), Frequency.class),
                    time(request.at()),
                    ReportParameters.choice("weekday", request.weekday(), DayOfWeek.class),
                    request.email(),
                    request.filter());
        } catch (InvalidSubscriptionException e) {
            throw InvalidRequestException.of(
                    e.field(), e.getMessage().substring(e.field().length() + 1));
        }
    }

    /** Deletes one of the caller's subscriptions (an admin's: anyone's); 404 for any other. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        if (!subscriptions.delete(id, me.viewer())) {
            throw new NotFoundException("No subscription " + id);
        }
    }

    private static LocalTime time(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("at", "must be a time of day such as 07:00");
        }
    }
}
