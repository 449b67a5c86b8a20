package io.switchboard.reportmail;

import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Supervisors' and admins' subscriptions to reports by e-mail: each sees and deletes their own (admins any). */
public class ReportSubscriptions {

    /** One address, plainly: the mail server is the judge of the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    private final SubscriptionStore store;
    private final ReportCsv reports;
    private final ZoneId zone;
    private final Clock clock;

    ReportSubscriptions(SubscriptionStore store, ReportCsv reports, ZoneId zone, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.zone = zone;
        this.clock = clock;
    }

    /** Stores a subscription of {@code viewer}'s after checking it as the report's page checks its filters. */
    public Subscription subscribe(
            Viewer viewer,
            ReportKind report,
            Frequency frequency,
            LocalTime at,
            DayOfWeek weekday,
            String email,
            Map<String, String> filter) {
        if (report == null) {
            throw new InvalidSubscriptionException("report", "is required: one of CALLS, INTERVALS");
        }
        if (frequency == null) {
            throw new InvalidSubscriptionException("frequency", "is required: one of DAILY, WEEKLY");
        }
        if (at == null) {
            throw new InvalidSubscriptionException("at", "is required: a time of day such as 07:00");
        }
        if (frequency == Frequency.WEEKLY && weekday == null) {
            throw new InvalidSubscriptionException("weekday", "is required for a weekly report (MONDAY to SUNDAY)");
        }
        if (frequency == Frequency.DAILY && weekday != null) {
            throw new InvalidSubscriptionException("weekday", "is only for weekly reports");
        }
        if (email == null
                || email.length() > 320
                || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidSubscriptionException("email", "must be one e-mail address");
        }
        Map<String, String> filters = filter == null ? Map.of() : Map.copyOf(filter);
        reports.check(report, filters);
        LocalTime minute = at.withSecond(0).withNano(0);
        Instant now = clock.instant();
        Subscription subscription = new Subscription(
                0,
                viewer.user(),
                report,
                frequency,
                minute,
                weekday,
                email.strip(),
                filters,
                nextRun(frequency, minute, weekday, now),
                null,
                0,
                null);
        long id = store.insert(subscription, now);
        return store.find(id).orElseThrow();
    }

    /** {@code viewer}'s own subscriptions. */
    public List<Subscription> of(Viewer viewer) {
        return store.of(viewer.user());
    }

    /** Deletes one of {@code viewer}'s (an admin's: anyone's); false when there is no such one to them. */
    public boolean delete(long id, Viewer viewer) {
        Optional<Subscription> found = store.find(id);
        if (found.isEmpty()
                || !(viewer.role() == Role.ADMIN || found.get().subscriber().equals(viewer.user()))) {
            return false;
        }
        return store.delete(id);
    }

    /** The first time after {@code after} a report of this frequency is sent. */
    Instant nextRun(Frequency frequency, LocalTime at, DayOfWeek weekday, Instant after) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.with(at);
        if (frequency == Frequency.WEEKLY) {
            candidate = candidate.with(TemporalAdjusters.nextOrSame(weekday));
            if (!candidate.toInstant().isAfter(after)) {
                candidate = candidate.plusWeeks(1).with(at);
            }
        } else if (!candidate.toInstant().isAfter(after)) {
            candidate = candidate.plusDays(1).with(at);
        }
        return candidate.toInstant();
    }

    ZoneId zone() {
        return zone;
    }

    SubscriptionStore store() {
        return store;
    }
}
