package io.switchboard.report;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.time.Instant;

/**
 * Which calls the call history lists; every criterion but the time range is optional, and they combine with "and".
 *
 * @param from calls that started at or after this instant
 * @param to calls that started before this instant
 * @param agent an agent's extension: calls they had at the end or a leg of (rung, answered, transferred on)
 * @param numberDigits the customer's number as digits only; calls whose customer number ends with its last {@link
 *     #NUMBER_DIGITS} digits match, so {@code +49 30 1234567}, {@code 030 1234567} and {@code 0049301234567} find
 *     the same calls
 * @param waitOver calls that waited more than this many seconds
 * @param talkOver calls that talked more than this many seconds
 * @param transferred only calls that were transferred ({@code true}) or were not ({@code false})
 */
public record CallHistoryFilter(
        Instant from,
        Instant to,
        CallDirection direction,
        String queue,
        String agent,
        CallOutcome outcome,
        String disposition,
        String numberDigits,
        Integer waitOver,
        Integer talkOver,
        Boolean transferred,
        CallSort sort,
        boolean ascending) {

    /** How many trailing digits of a number are compared: enough to tell subscribers apart, short of any prefix. */
    public static final int NUMBER_DIGITS = 9;

    public CallHistoryFilter {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        sort = sort == null ? CallSort.STARTED : sort;
    }

    /** Every call that started from {@code from} until {@code to}, in {@code sort} order: no other criterion. */
    public static CallHistoryFilter all(Instant from, Instant to, CallSort sort, boolean ascending) {
        return new CallHistoryFilter(from, to, null, null, null, null, null, null, null, null, null, sort, ascending);
    }

    /** These calls, only those that were transferred ({@code true}) or were not ({@code false}); either: null. */
    public CallHistoryFilter withTransferred(Boolean only) {
        return new CallHistoryFilter(
                from,
                to,
                direction,
                queue,
                agent,
                outcome,
                disposition,
                numberDigits,
                waitOver,
                talkOver,
                only,
                sort,
                ascending);
    }

    /** These calls, only those whose customer number ends as {@code digits} (digits only) does; any: null. */
    public CallHistoryFilter withNumberDigits(String digits) {
        return new CallHistoryFilter(
                from,
                to,
                direction,
                queue,
                agent,
                outcome,
                disposition,
                digits,
                waitOver,
                talkOver,
                transferred,
                sort,
                ascending);
    }

    /** The trailing digits compared, or {@code null} without a number filter. */
    String numberSuffix() {
        if (numberDigits == null || numberDigits.isEmpty()) {
            return null;
        }
        return numberDigits.length() <= NUMBER_DIGITS
                ? numberDigits
                : numberDigits.substring(numberDigits.length() - NUMBER_DIGITS);
    }
}
