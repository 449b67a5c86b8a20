package io.switchboard.campaign;

import io.switchboard.calendar.WeeklyHours;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When leads may be called, in each lead's own local time: weekly hours such as {@code "MON-FRI 09:00-21:00"},
 * {@code "SAT 10:00-14:00,15:00-18:00"} (a day not mentioned is closed; {@code 24:00} is midnight at the day's end)
 * and holidays {@code "2026-12-24"} (that date) or {@code "12-25"} (every year). The grammar is the business
 * calendars' ({@link WeeklyHours}).
 */
public record CallWindow(List<String> hours, List<String> holidays) {

    public CallWindow {
        hours = hours == null ? List.of() : hours.stream().map(String::strip).toList();
        holidays = holidays == null
                ? List.of()
                : holidays.stream().map(String::strip).toList();
        parse(hours, holidays);
    }

    /** The usual window: every day 09:00-21:00, no holidays. */
    public static CallWindow standard() {
        return new CallWindow(List.of("MON-SUN 09:00-21:00"), List.of());
    }

    /** Whether a lead whose local time is {@code local} may be called now. */
    public boolean isOpen(ZonedDateTime local) {
        return parsed().isOpen(local.toLocalDateTime());
    }

    /** The zones among {@code zones} (IANA ids) in which it is now calling time; unknown ids are left out. */
    public Set<String> openZones(Instant now, Collection<String> zones) {
        WeeklyHours parsed = parsed();
        Set<String> open = new TreeSet<>();
        for (String zone : zones) {
            try {
                if (parsed.isOpen(now.atZone(ZoneId.of(zone)).toLocalDateTime())) {
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

    private WeeklyHours parsed() {
        return parse(hours, holidays);
    }

    /** Overlapping hours are allowed: a lead is callable when any of them is open. */
    private static WeeklyHours parse(List<String> hours, List<String> holidays) {
        try {
            return WeeklyHours.parse("call hours", hours, holidays, WeeklyHours.Overlaps.ALLOWED);
        } catch (IllegalArgumentException e) {
            throw new InvalidCampaignException("callWindow", e.getMessage());
        }
    }
}
