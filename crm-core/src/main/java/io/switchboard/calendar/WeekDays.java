package io.switchboard.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the days of a weekly-hours rule, {@code MON} or a range {@code MON-FRI} (wrapping over the weekend, as in
 * {@code FRI-MON}), for the tickets' business calendars and the campaigns' call windows alike.
 */
public final class WeekDays {

    private WeekDays() {}

    /**
     * @param text {@code MON}, {@code MON-FRI}; a day may be written in full or shortened to three letters or more
     * @throws IllegalArgumentException saying what is wrong with the text, for the caller to put in its own message
     */
    public static List<DayOfWeek> parse(String text) {
        String[] ends = text.split("-");
        if (ends.length > 2) {
            throw new IllegalArgumentException("days are MON or MON-FRI");
        }
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (upper.length() >= 3 && day.name().startsWith(upper)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + text + "'");
    }
}
