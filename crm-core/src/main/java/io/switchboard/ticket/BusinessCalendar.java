package io.switchboard.ticket;

import io.switchboard.calendar.WeeklyHours;
import io.switchboard.calendar.WeeklyHours.Opening;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Business-hours arithmetic: weekly opening hours in a time zone, minus holidays. Hours are wall-clock times of
 * the zone, so a day with a daylight-saving change is as long as it really is (a 00:00-24:00 day lasts 23 or 25
 * hours) and an opening that falls into the skipped hour starts when the clocks have moved on.
 *
 * <p>Hours and holidays are written as {@link WeeklyHours} reads them ({@code "MON-FRI 08:00-18:00"},
 * {@code "2026-12-24"}); overlapping hours are refused, since each business hour counts once.
 */
final class BusinessCalendar {

    /** How far {@link #plus} looks for open hours before it gives up (a calendar open once in five years). */
    private static final int MAX_DAYS = 5 * 366;

    private final ZoneId zone;
    private final WeeklyHours hours;

    private BusinessCalendar(ZoneId zone, WeeklyHours hours) {
        this.zone = zone;
        this.hours = hours;
    }

    /**
     * @throws IllegalArgumentException a line it cannot read, overlapping hours, or a week without any
     */
    static BusinessCalendar of(ZoneId zone, Collection<String> hours, Collection<String> holidays) {
        return new BusinessCalendar(
                zone, WeeklyHours.parse("business hours", hours, holidays, WeeklyHours.Overlaps.REFUSED));
    }

    /** Open around the clock, every day. */
    static BusinessCalendar always(ZoneId zone) {
        return of(zone, List.of("MON-SUN 00:00-24:00"), List.of());
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code businessTime} of open hours have passed since {@code start}. A target that ends
     * exactly at closing time is due at closing time, not at the next opening. Zero is {@code start} itself.
     */
    Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
            for (Instant[] open : openings(date)) {
                Instant from = open[0].isBefore(start) ? start : open[0];
                if (!from.isBefore(open[1])) {
                    continue;
                }
                Duration available = Duration.between(from, open[1]);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("no business hours within " + MAX_DAYS + " days of " + start);
    }

    /** Business time between two instants; negative when {@code to} is before {@code from}. */
    Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            for (Instant[] open : openings(date)) {
                Instant start = open[0].isBefore(from) ? from : open[0];
                Instant end = open[1].isAfter(to) ? to : open[1];
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    boolean isOpen(Instant instant) {
        for (Instant[] open : openings(LocalDate.ofInstant(instant, zone))) {
            if (!instant.isBefore(open[0]) && instant.isBefore(open[1])) {
                return true;
            }
        }
        return false;
    }

    boolean isHoliday(LocalDate date) {
        return hours.isHoliday(date);
    }

    /** The day's openings as instants; {@code atZone} moves a time in a skipped hour forward by the gap. */
    private List<Instant[]> openings(LocalDate date) {
        List<Opening> openings = hours.openings(date);
        List<Instant[]> result = new ArrayList<>(openings.size());
        for (Opening opening : openings) {
            Instant start = date.atTime(opening.start()).atZone(zone).toInstant();
            Instant end = opening.endsAtMidnight()
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : date.atTime(opening.end()).atZone(zone).toInstant();
            if (start.isBefore(end)) {
                result.add(new Instant[] {start, end});
            }
        }
        return result;
    }
}
