package io.switchboard.campaign;

import io.switchboard.calendar.WeekDays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When leads may be called, in each lead's own local time: weekly hours such as {@code "MON-FRI 09:00-21:00"},
 * {@code "SAT 10:00-14:00,15:00-18:00"} (a day not mentioned is closed; {@code 24:00} is midnight at the day's end)
 * and holidays {@code "2026-12-24"} (that date) or {@code "12-25"} (every year).
 */
public record CallWindow(List<String> hours, List<String> holidays) {

    private static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

    public CallWindow {
        hours = hours == null ? List.of() : hours.stream().map(String::strip).toList();
        holidays = holidays == null
                ? List.of()
                : holidays.stream().map(String::strip).toList();
        Parsed parsed = parse(hours, holidays);
        if (parsed.week.isEmpty()) {
            throw new InvalidCampaignException("callWindow", "a call window needs hours on at least one day");
        }
    }

    /** The usual window: every day 09:00-21:00, no holidays. */
    public static CallWindow standard() {
        return new CallWindow(List.of("MON-SUN 09:00-21:00"), List.of());
    }

    /** Whether a lead whose local time is {@code local} may be called now. */
    public boolean isOpen(ZonedDateTime local) {
        return parsed().isOpen(local);
    }

    /** The zones among {@code zones} (IANA ids) in which it is now calling time; unknown ids are left out. */
    public Set<String> openZones(Instant now, Collection<String> zones) {
        Parsed parsed = parsed();
        Set<String> open = new TreeSet<>();
        for (String zone : zones) {
            try {
                if (parsed.isOpen(now.atZone(ZoneId.of(zone)))) {
                    open.add(zone);
                }
            } catch (RuntimeException e) {
                // not a zone Java knows: no lead is stored with one (the importer checks), so nothing to open
            }
        }
        return open;
    }

    /** The zones Java knows in which it is now calling time: what the lead queue filters leads by. */
    public Set<String> openZones(Instant now) {
        return openZones(now, ZoneId.getAvailableZoneIds());
    }

    private Parsed parsed() {
        return parse(hours, holidays);
    }

    private record Range(LocalTime start, LocalTime end) {

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && (end.equals(END_OF_DAY) || time.isBefore(end));
        }
    }

    private record Parsed(Map<DayOfWeek, List<Range>> week, Set<LocalDate> dates, Set<MonthDay> yearly) {

        boolean isOpen(ZonedDateTime local) {
            LocalDate date = local.toLocalDate();
            if (dates.contains(date) || yearly.contains(MonthDay.from(date))) {
                return false;
            }
            LocalTime time = local.toLocalTime();
            return week.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(r -> r.contains(time));
        }
    }

    private static Parsed parse(List<String> hours, List<String> holidays) {
        Map<DayOfWeek, List<Range>> week = new EnumMap<>(DayOfWeek.class);
        for (String line : hours) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                throw invalid(line, "expected e.g. MON-FRI 09:00-21:00");
            }
            List<DayOfWeek> days = days(parts[0], line);
            for (String range : parts[1].split(",")) {
                Range parsed = range(range.strip(), line);
                days.forEach(
                        day -> week.computeIfAbsent(day, d -> new ArrayList<>()).add(parsed));
            }
        }
        Set<LocalDate> dates = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        for (String holiday : holidays) {
            try {
                if (holiday.length() == 5) {
                    yearly.add(MonthDay.parse("--" + holiday));
                } else {
                    dates.add(LocalDate.parse(holiday));
                }
            } catch (DateTimeParseException e) {
                throw new InvalidCampaignException(
                        "callWindow",
                        "holiday '" + holiday + "': expected a date (2026-12-24) or a yearly day (12-25)");
            }
        }
        return new Parsed(week, dates, yearly);
    }

    private static List<DayOfWeek> days(String text, String line) {
        try {
            return WeekDays.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(line, e.getMessage());
        }
    }

    private static Range range(String text, String line) {
        String[] times = text.split("-");
        if (times.length != 2) {
            throw invalid(line, "times are 09:00-21:00");
        }
        try {
            LocalTime start = LocalTime.parse(times[0].strip());
            String endText = times[1].strip();
            LocalTime end = endText.equals("24:00") ? END_OF_DAY : LocalTime.parse(endText);
            if (!end.equals(END_OF_DAY) && !start.isBefore(end)) {
                throw invalid(line, text + " ends before it starts (use 24:00 for midnight)");
            }
            return new Range(start, end);
        } catch (DateTimeParseException e) {
            throw invalid(line, "cannot read the times " + text);
        }
    }

    private static InvalidCampaignException invalid(String line, String problem) {
        return new InvalidCampaignException("callWindow", "call hours '" + line + "': " + problem);
    }
}
