package io.switchboard.ticket;

import io.switchboard.calendar.WeekDays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business-hours arithmetic: weekly opening hours in a time zone, minus holidays. Hours are wall-clock times of
 * the zone, so a day with a daylight-saving change is as long as it really is (a 00:00-24:00 day lasts 23 or 25
 * hours) and an opening that falls into the skipped hour starts when the clocks have moved on.
 *
 * <p>Hours are written {@code "MON-FRI 08:00-18:00"}, {@code "SAT 09:00-12:00,13:00-16:00"} or {@code "SUN
 * 00:00-24:00"}; holidays {@code "2026-12-24"} (that date) or {@code "12-25"} (every year).
 */
final class BusinessCalendar {

    /** How far {@link #plus} looks for open hours before it gives up (a calendar open once in five years). */
    private static final int MAX_DAYS = 5 * 366;

    private static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Opening>> week;
    private final Set<LocalDate> holidays;
    private final Set<MonthDay> yearlyHolidays;

    /** Open from {@code start} to {@code end} on a day; an {@code end} of 00:00 means midnight at the day's end. */
    private record Opening(LocalTime start, LocalTime end) {

        boolean endsAtMidnight() {
            return end.equals(END_OF_DAY);
        }

        boolean overlaps(Opening other) {
            return start.isBefore(other.endOrMax()) && other.start.isBefore(endOrMax());
        }

        private LocalTime endOrMax() {
            return endsAtMidnight() ? LocalTime.MAX : end;
        }
    }

    private BusinessCalendar(
            ZoneId zone, Map<DayOfWeek, List<Opening>> week, Set<LocalDate> holidays, Set<MonthDay> yearly) {
        this.zone = zone;
        this.week = week;
        this.holidays = Set.copyOf(holidays);
        this.yearlyHolidays = Set.copyOf(yearly);
    }

    /**
     * @throws IllegalArgumentException a line it cannot read, overlapping hours, or a week without any
     */
    static BusinessCalendar of(ZoneId zone, Collection<String> hours, Collection<String> holidays) {
        Map<DayOfWeek, List<Opening>> week = new EnumMap<>(DayOfWeek.class);
        for (String line : hours) {
            parseHours(line, week);
        }
        if (week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a business calendar needs open hours on at least one day");
        }
        week.replaceAll((day, openings) ->
                openings.stream().sorted(Comparator.comparing(Opening::start)).toList());
        Set<LocalDate> dates = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        for (String holiday : holidays) {
            parseHoliday(holiday.strip(), dates, yearly);
        }
        return new BusinessCalendar(zone, week, dates, yearly);
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
        return holidays.contains(date) || yearlyHolidays.contains(MonthDay.from(date));
    }

    /** The day's openings as instants; {@code atZone} moves a time in a skipped hour forward by the gap. */
    private List<Instant[]> openings(LocalDate date) {
        if (isHoliday(date)) {
            return List.of();
        }
        List<Opening> hours = week.getOrDefault(date.getDayOfWeek(), List.of());
        List<Instant[]> result = new ArrayList<>(hours.size());
        for (Opening opening : hours) {
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

    private static void parseHours(String line, Map<DayOfWeek, List<Opening>> week) {
        String[] parts = line.strip().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("business hours '" + line + "': expected e.g. MON-FRI 08:00-18:00");
        }
        List<DayOfWeek> days = days(parts[0], line);
        if (parts[1].equalsIgnoreCase("closed")) {
            days.forEach(day -> week.computeIfAbsent(day, d -> new ArrayList<>()));
            return;
        }
        for (String range : parts[1].split(",")) {
            Opening opening = opening(range.strip(), line);
            for (DayOfWeek day : days) {
                List<Opening> openings = week.computeIfAbsent(day, d -> new ArrayList<>());
                if (openings.stream().anyMatch(opening::overlaps)) {
                    throw new IllegalArgumentException("business hours '" + line + "' overlap other hours on " + day);
                }
                openings.add(opening);
            }
        }
    }

    private static List<DayOfWeek> days(String text, String line) {
        try {
            return WeekDays.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("business hours '" + line + "': " + e.getMessage(), e);
        }
    }

    private static Opening opening(String range, String line) {
        String[] times = range.split("-");
        if (times.length != 2) {
            throw new IllegalArgumentException("business hours '" + line + "': times are 08:00-18:00");
        }
        try {
            LocalTime start = LocalTime.parse(times[0].strip());
            String endText = times[1].strip();
            LocalTime end = endText.equals("24:00") ? END_OF_DAY : LocalTime.parse(endText);
            Opening opening = new Opening(start, end);
            if (!opening.endsAtMidnight() && !start.isBefore(end)) {
                throw new IllegalArgumentException(
                        "business hours '" + line + "': " + range + " ends before it starts (use 24:00 for midnight)");
            }
            return opening;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("business hours '" + line + "': cannot read the times " + range, e);
        }
    }

    private static void parseHoliday(String text, Set<LocalDate> dates, Set<MonthDay> yearly) {
        try {
            if (text.length() == 5) {
                yearly.add(MonthDay.parse("--" + text));
            } else {
                dates.add(LocalDate.parse(text));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "holiday '" + text + "': expected a date (2026-12-24) or a yearly day (12-25)", e);
        }
    }
}
