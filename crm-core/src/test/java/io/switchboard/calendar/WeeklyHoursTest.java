package io.switchboard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.calendar.WeeklyHours.Opening;
import io.switchboard.calendar.WeeklyHours.Overlaps;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one grammar of business calendars and call windows: weekly hours minus holidays. */
class WeeklyHoursTest {

    @Test
    void readsDayRangesSeveralOpeningsMidnightAndClosedDays() {
        WeeklyHours hours = WeeklyHours.parse(
                "hours",
                List.of("FRI-MON 09:00-12:00, 13:00-17:00", "SUN closed", "WED 20:00-24:00"),
                List.of(),
                Overlaps.REFUSED);

        assertThat(hours.week())
                .containsOnlyKeys(
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.MONDAY, DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY);
        assertThat(hours.week().get(DayOfWeek.MONDAY))
                .containsExactly(
                        new Opening(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new Opening(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        // 2026-12-06 is a Sunday, 2026-12-09 a Wednesday
        assertThat(hours.isOpen(LocalDateTime.parse("2026-12-06T10:00"))).isTrue();
        assertThat(hours.isOpen(LocalDateTime.parse("2026-12-07T12:30"))).isFalse();
        assertThat(hours.isOpen(LocalDateTime.parse("2026-12-09T23:59:59"))).isTrue();
        assertThat(hours.isOpen(LocalDateTime.parse("2026-12-09T19:59"))).isFalse();
    }

    @Test
    void aClosedLineAddsNoHoursToADayOtherLinesOpen() {
        WeeklyHours hours =
                WeeklyHours.parse("hours", List.of("SUN closed", "MON 08:00-18:00"), List.of(), Overlaps.ALLOWED);

        assertThat(hours.week()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(hours.openings(LocalDate.parse("2026-12-06"))).isEmpty();
    }

    @Test
    void holidaysAreDatesOrTheSameDayEveryYear() {
        WeeklyHours hours = WeeklyHours.parse(
                "hours", List.of("MON-SUN 00:00-24:00"), List.of("2026-12-24", " 12-25 "), Overlaps.ALLOWED);

        assertThat(hours.isHoliday(LocalDate.parse("2026-12-24"))).isTrue();
        assertThat(hours.isHoliday(LocalDate.parse("2027-12-24"))).isFalse();
        assertThat(hours.isHoliday(LocalDate.parse("2031-12-25"))).isTrue();
        assertThat(hours.openings(LocalDate.parse("2031-12-25"))).isEmpty();
        assertThat(hours.isOpen(LocalDateTime.parse("2026-12-26T03:00"))).isTrue();
    }

    @Test
    void overlapsAreRefusedOnlyWhenTheCallerSaysSo() {
        List<String> overlapping = List.of("MON 08:00-12:00", "MON 11:00-13:00");

        assertThat(WeeklyHours.parse("call hours", overlapping, List.of(), Overlaps.ALLOWED)
                        .isOpen(LocalDateTime.parse("2026-12-07T12:30")))
                .isTrue();
        assertThatThrownBy(() -> WeeklyHours.parse("business hours", overlapping, List.of(), Overlaps.REFUSED))
                .hasMessage("business hours 'MON 11:00-13:00' overlap other hours on MONDAY");
    }

    @Test
    void everyMistakeNamesTheLineAndWhatIsWrong() {
        assertThatThrownBy(() -> parse("SUN closed")).hasMessage("call hours need open hours on at least one day");
        assertThat(List.of(
                        message("MON-FRI 18:00-08:00"),
                        message("FUNDAY 08:00-12:00"),
                        message("MON"),
                        message("MON 8-12-14"),
                        message("MON 08:00-noon")))
                .containsExactly(
                        "call hours 'MON-FRI 18:00-08:00': 18:00-08:00 ends before it starts (use 24:00 for midnight)",
                        "call hours 'FUNDAY 08:00-12:00': unknown day 'FUNDAY'",
                        "call hours 'MON': expected e.g. MON-FRI 08:00-18:00",
                        "call hours 'MON 8-12-14': times are 08:00-18:00",
                        "call hours 'MON 08:00-noon': cannot read the times 08:00-noon");
        assertThatThrownBy(() -> WeeklyHours.parse(
                        "call hours", List.of("MON 08:00-12:00"), List.of("25.12."), Overlaps.ALLOWED))
                .hasMessage("holiday '25.12.': expected a date (2026-12-24) or a yearly day (12-25)");
    }

    private static WeeklyHours parse(String line) {
        return WeeklyHours.parse("call hours", List.of(line), List.of(), Overlaps.ALLOWED);
    }

    private static String message(String line) {
        try {
            parse(line);
            return "accepted";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
