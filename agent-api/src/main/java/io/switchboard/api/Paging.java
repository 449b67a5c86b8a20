package io.switchboard.api;

/** The page and size of a list request, checked: a page below 0 or a size outside 1..500 names its parameter. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    static Paging of(int page, int size) {
        if (page < 0) {
            throw new InvalidParameterException("page", "page is 0 or more, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("size", "size is 1 to " + MAX_SIZE + ", not " + size);
        }
        return new Paging(page, size);
    }
}
