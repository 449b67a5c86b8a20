package io.switchboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The call history filter's shorthands: each changes its one criterion and keeps every other. */
class CallHistoryFilterTest {

    private static final Instant FROM = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-11T00:00:00Z");

    @Test
    void allIsTheRangeInAnOrderWithNoOtherCriterion() {
        assertThat(CallHistoryFilter.all(FROM, TO, CallSort.WAIT, false))
                .isEqualTo(new CallHistoryFilter(
                        FROM, TO, null, null, null, null, null, null, null, null, null, CallSort.WAIT, false));
    }

    @Test
    void eachWitherChangesItsCriterionOnly() {
        CallHistoryFilter every = new CallHistoryFilter(
                FROM,
                TO,
                CallDirection.INBOUND,
                "support",
                "2001",
                CallOutcome.ANSWERED,
                "SOLVED",
                "301234567",
                10,
                20,
                false,
                CallSort.TALK,
                true);

        assertThat(every.withTransferred(true).transferred()).isTrue();
        assertThat(every.withTransferred(true))
                .usingRecursiveComparison()
                .ignoringFields("transferred")
                .isEqualTo(every);
        assertThat(every.withNumberDigits("49301").numberDigits()).isEqualTo("49301");
        assertThat(every.withNumberDigits("49301"))
                .usingRecursiveComparison()
                .ignoringFields("numberDigits")
                .isEqualTo(every);
    }
}
