package io.switchboard.api;

/**
 * The one rule for every list: a page (or offset) of zero or more and a size (or limit) from 1 to the list's
 * maximum. A size over the maximum is refused, naming the field and the maximum, rather than quietly cut: a client
 * that asked for 1,000 and got 200 would take the 200 for everything.
 */
final class Paging {

    private Paging() {}

    /** Checks {@code page} and {@code size} query parameters. */
    static void page(int page, int size, int maxSize) {
        check("page", page, "size", size, maxSize);
    }

    /** Checks {@code offset} and {@code limit} query parameters. */
    static void offset(int offset, int limit, int maxLimit) {
        check("offset", offset, "limit", limit, maxLimit);
    }

    private static void check(String startField, int start, String sizeField, int size, int max) {
        if (start < 0) {
            throw InvalidRequestException.of(startField, "must be 0 or more");
        }
        if (size < 1 || size > max) {
            throw InvalidRequestException.of(sizeField, "must be between 1 and " + max);
        }
    }
}
