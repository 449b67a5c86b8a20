package io.switchboard.contact;

/** The orders the contacts page offers; each ends on the contact's id so that paging is stable. */
public enum ContactSort {
    NAME(false, "name"),
    NAME_DESC(true, "name"),
    /** Most recently changed first. */
    UPDATED(true, "updated_at"),
    /** Newest first. */
    CREATED(true, "created_at");

    private final boolean descending;
    private final String column;

    ContactSort(boolean descending, String column) {
        this.descending = descending;
        this.column = column;
    }

    /** The order on the contacts table aliased {@code c}. */
    String orderBy() {
        return orderBy("c");
    }

    /** The order on a contacts table, or a query of {@link #columns}, aliased {@code alias}. */
    String orderBy(String alias) {
        String direction = descending ? " desc" : "";
        return alias + "." + column + direction + ", " + alias + ".id" + direction;
    }

    /** The column the order reads before the id. */
    String column() {
        return column;
    }

    /** The columns the order reads, of the contacts table aliased {@code c}. */
    String columns() {
        return "c.id, c." + column;
    }
}
