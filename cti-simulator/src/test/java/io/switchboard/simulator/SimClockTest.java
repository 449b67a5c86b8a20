package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the events' {@code Timestamp} says when the simulator's thread runs a step late. */
class SimClockTest {

    private static final long LATE_MICROS = 50_000;

    @Test
    void byDefaultEventsCarryTheirStepsPlannedTimeSoDurationsStayExact() {
        SimClock clock = new SimClock(1);
        long planned = clock.nowMicros() - LATE_MICROS; // the step runs 50 ms after it was due

        clock.beginStep(planned);

        assertThat(clock.nextEventMicros()).isEqualTo(planned);
        assertThat(clock.nextEventMicros()).isEqualTo(planned + 7);
    }

    @Test
    void stampedWhenSentEventsCarryTheMomentTheyAreWrittenAsAsteriskStampsThem() {
        SimClock clock = new SimClock(1, true);
        long planned = clock.nowMicros() - LATE_MICROS;

        clock.beginStep(planned);
        long before = clock.nowMicros();
        long stamp = clock.nextEventMicros();

        assertThat(stamp).isBetween(before, clock.nowMicros());
        assertThat(stamp - planned).isGreaterThanOrEqualTo(LATE_MICROS);
        // the planned time still drives the durations the events report
        assertThat(clock.cursorMicros()).isEqualTo(planned);
    }
}
