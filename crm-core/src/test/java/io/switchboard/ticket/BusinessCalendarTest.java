package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Business-hours arithmetic in Berlin: weekdays 09:00-17:00, Christmas every year and one dated holiday. */
class BusinessCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final BusinessCalendar office =
            BusinessCalendar.of(BERLIN, List.of("MON-FRI 09:00-17:00"), List.of("12-25", "2026-05-01"));

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void addsWithinOneDay() {
        assertThat(office.plus(berlin("2026-06-03T10:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-06-03T12:00"));
    }

    @Test
    void carriesOverNightIntoTheNextMorning() {
        assertThat(office.plus(berlin("2026-06-03T16:00"), Duration.ofHours(3))).isEqualTo(berlin("2026-06-04T11:00"));
    }

    @Test
    void skipsTheWeekend() {
        // Friday 15:00 + 4 h: two hours on Friday, two on Monday morning.
        assertThat(office.plus(berlin("2026-06-05T15:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-06-08T11:00"));
        assertThat(office.between(berlin("2026-06-05T15:00"), berlin("2026-06-08T11:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void startingOutsideHoursCountsFromTheNextOpening() {
        assertThat(office.plus(berlin("2026-06-06T13:00"), Duration.ofMinutes(30)))
                .isEqualTo(berlin("2026-06-08T09:30"));
        assertThat(office.plus(berlin("2026-06-03T07:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-06-03T10:00"));
        assertThat(office.between(berlin("2026-06-06T00:00"), berlin("2026-06-07T23:59")))
                .isZero();
    }

    @Test
    void aTargetEndingAtClosingTimeIsDueAtClosingTime() {
        assertThat(office.plus(berlin("2026-06-03T09:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-06-03T17:00"));
    }

    @Test
    void zeroBusinessTimeIsTheStartItself() {
        assertThat(office.plus(berlin("2026-06-06T13:00"), Duration.ZERO)).isEqualTo(berlin("2026-06-06T13:00"));
    }

    @Test
    void skipsYearlyAndDatedHolidays() {
        // Thursday 24 December 2026 16:00 + 2 h: one hour on the 24th, Christmas Friday is closed, then Monday.
        assertThat(office.plus(berlin("2026-12-24T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-28T10:00"));
        // 1 May 2026 is a Friday: Thursday 16:30 + 1 h ends on Monday 4 May at 09:30.
        assertThat(office.plus(berlin("2026-04-30T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-05-04T09:30"));
        assertThat(office.isOpen(berlin("2026-05-01T10:00"))).isFalse();
        assertThat(office.isOpen(berlin("2027-12-25T10:00"))).isFalse();
    }

    @Test
    void springForwardWeekendKeepsWallClockHours() {
        // Clocks go forward on Sunday 29 March 2026. Friday 16:00 CET (15:00 UTC) + 2 h = Monday 10:00 CEST
        // (08:00 UTC): 66 wall-clock hours later, but only 65 real hours.
        Instant friday = berlin("2026-03-27T16:00");
        Instant due = office.plus(friday, Duration.ofHours(2));

        assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(65));
        assertThat(office.between(friday, due)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aDayOfDaylightSavingChangeIsAsLongAsItReallyIs() {
        BusinessCalendar roundTheClock = BusinessCalendar.always(BERLIN);

        // 29 March 2026 has 23 hours in Berlin, 25 October 2026 has 25.
        assertThat(roundTheClock.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(roundTheClock.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                .isEqualTo(Duration.ofHours(25));
        // Real time, not wall-clock time: 01:30 + 1 h on the spring day is 03:30 CEST.
        assertThat(roundTheClock.plus(berlin("2026-03-29T01:30"), Duration.ofHours(1)))
                .isEqualTo(berlin("2026-03-29T03:30"));
        // In the autumn, 00:30 + 3 h lands in the repeated hour's second pass: 02:30 CET.
        assertThat(roundTheClock.plus(berlin("2026-10-25T00:30"), Duration.ofHours(3)))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void hoursThatFallIntoTheSkippedHourStartWhenTheClocksHaveMovedOn() {
        BusinessCalendar night = BusinessCalendar.of(BERLIN, List.of("SUN 02:00-04:00"), List.of());

        // 02:00-03:00 does not exist on 29 March 2026: the opening lasts from 03:00 CEST to 04:00 CEST.
        assertThat(night.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T05:00")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(night.between(berlin("2026-03-22T00:00"), berlin("2026-03-22T05:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void splitDaysAndOvernightClosingAreCounted() {
        BusinessCalendar lunch = BusinessCalendar.of(
                BERLIN, List.of("MON-FRI 08:00-12:00,13:00-17:00", "SAT 09:00-24:00", "SUN closed"), List.of());

        assertThat(lunch.plus(berlin("2026-06-03T11:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-06-03T14:00"));
        assertThat(lunch.plus(berlin("2026-06-06T23:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-06-08T09:00"));
        assertThat(lunch.isOpen(berlin("2026-06-03T12:30"))).isFalse();
    }

    @Test
    void betweenIsTheInverseOfPlus() {
        SplittableRandom random = new SplittableRandom(7);
        Instant base = berlin("2026-01-01T00:00");
        for (int i = 0; i < 2_000; i++) {
            Instant start = base.plusSeconds(random.nextLong(365L * 24 * 3600));
            Duration business = Duration.ofMinutes(random.nextLong(1, 200 * 60));
            Instant due = office.plus(start, business);

            assertThat(office.between(start, due)).as("from %s", start).isEqualTo(business);
            assertThat(office.between(due, start)).isEqualTo(business.negated());
        }
    }

    @Test
    void refusesCalendarsItCannotUse() {
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, List.of("SUN closed"), List.of()))
                .hasMessageContaining("at least one day");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, List.of("MON-FRI 18:00-08:00"), List.of()))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, List.of("MON 08:00-12:00", "MON 11:00-13:00"), List.of()))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, List.of("FUNDAY 08:00-12:00"), List.of()))
                .hasMessageContaining("unknown day");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, List.of("MON 08:00-12:00"), List.of("25.12.")))
                .hasMessageContaining("holiday");
    }
}
