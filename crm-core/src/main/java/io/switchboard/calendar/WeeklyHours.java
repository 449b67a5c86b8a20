package io.switchboard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
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
 * Weekly hours minus holidays, the one grammar of the tickets' business calendars and the campaigns' call windows.
 * Hours are lines such as {@code "MON-FRI 08:00-18:00"}, {@code "SAT 09:00-12:00,13:00-16:00"}, {@code "SUN
 * 00:00-24:00"} ({@code 24:00} is midnight at the day's end) or {@code "SUN closed"}; a day no line opens is closed.
 * Holidays are {@code "2026-12-24"} (that date) or {@code "12-25"} (every year).
 *
 * @param week each day's openings, in order of their start
 */
public record WeeklyHours(Map<DayOfWeek, List<Opening>> week, Set<LocalDate> dates, Set<MonthDay> yearly) {

    /** Whether two openings of a day may overlap: a business calendar counts each hour once, so it refuses them. */
    public enum Overlaps {
        ALLOWED,
        REFUSED
    }

    /** Open from {@code start} to {@code end} on a day; an {@code end} of 00:00 means midnight at the day's end. */
    public record Opening(LocalTime start, LocalTime end) {

        public boolean endsAtMidnight() {
            return end.equals(LocalTime.MIDNIGHT);
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && (endsAtMidnight() || time.isBefore(end));
        }

        boolean overlaps(Opening other) {
            return start.isBefore(other.endOrMax()) && other.start.isBefore(endOrMax());
        }

        private LocalTime endOrMax() {
            return endsAtMidnight() ? LocalTime.MAX : end;
        }
    }

    public WeeklyHours {
        week = Map.copyOf(week);
        dates = Set.copyOf(dates);
        yearly = Set.copyOf(yearly);
    }

    /**
     * @param label what the lines are called in a message ({@code business hours}, {@code call hours})
     * @throws IllegalArgumentException saying which line is wrong and how, or that no day has hours
     */
    public static WeeklyHours parse(
            String label, Collection<String> hours, Collection<String> holidays, Overlaps overlaps) {
        Map<DayOfWeek, List<Opening>> week = new EnumMap<>(DayOfWeek.class);
        for (String line : hours) {
            new Line(label, line).addTo(week, overlaps);
        }
        week.values().removeIf(List::isEmpty);
        if (week.isEmpty()) {
            throw new IllegalArgumentException(label + " need open hours on at least one day");
        }
        week.replaceAll((day, openings) ->
                openings.stream().sorted(Comparator.comparing(Opening::start)).toList());
        Set<LocalDate> dates = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        for (String holiday : holidays) {
            String text = holiday.strip();
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
        return new WeeklyHours(week, dates, yearly);
    }

    public boolean isHoliday(LocalDate date) {
        return dates.contains(date) || yearly.contains(MonthDay.from(date));
    }

    /** The day's openings; none on a holiday. */
    public List<Opening> openings(LocalDate date) {
        return isHoliday(date) ? List.of() : week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** Whether it is open at that wall-clock time. */
    public boolean isOpen(LocalDateTime local) {
        return openings(local.toLocalDate()).stream().anyMatch(opening -> opening.contains(local.toLocalTime()));
    }

    /** One line of hours, read into the week. */
    private record Line(String label, String text) {

        void addTo(Map<DayOfWeek, List<Opening>> week, Overlaps overlaps) {
            String[] parts = text.strip().split("\\s+", 2);
            if (parts.length != 2) {
                throw invalid("expected e.g. MON-FRI 08:00-18:00", null);
            }
            List<DayOfWeek> days = days(parts[0]);
            if (parts[1].equalsIgnoreCase("closed")) {
                days.forEach(day -> week.computeIfAbsent(day, d -> new ArrayList<>()));
                return;
            }
            for (String range : parts[1].split(",")) {
                Opening opening = opening(range.strip());
                for (DayOfWeek day : days) {
                    List<Opening> openings = week.computeIfAbsent(day, d -> new ArrayList<>());
                    if (overlaps == Overlaps.REFUSED && openings.stream().anyMatch(opening::overlaps)) {
                        throw new IllegalArgumentException(label + " '" + text + "' overlap other hours on " + day);
                    }
                    openings.add(opening);
                }
            }
        }

        private List<DayOfWeek> days(String days) {
            try {
                return WeekDays.parse(days);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage(), e);
            }
        }

        private Opening opening(String range) {
            String[] times = range.split("-");
            if (times.length != 2) {
                throw invalid("times are 08:00-18:00", null);
            }
            try {
                LocalTime start = LocalTime.parse(times[0].strip());
                String endText = times[1].strip();
                LocalTime end = endText.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(endText);
                Opening opening = new Opening(start, end);
                if (!opening.endsAtMidnight() && !start.isBefore(end)) {
                    throw invalid(range + " ends before it starts (use 24:00 for midnight)", null);
                }
                return opening;
            } catch (DateTimeParseException e) {
                throw invalid("cannot read the times " + range, e);
            }
        }

        private IllegalArgumentException invalid(String problem, Exception cause) {
            return new IllegalArgumentException(label + " '" + text + "': " + problem, cause);
        }
    }
}
