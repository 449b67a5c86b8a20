package io.switchboard.contact;

/** The orders the contacts page offers; each ends on the contact's id so that paging is stable. */
public enum ContactSort {
    NAME("c.name, c.id"),
    NAME_DESC("c.name desc, c.id desc"),
    /** Most recently changed first. */
    UPDATED("c.updated_at desc, c.id desc"),
    /** Newest first. */
    CREATED("c.created_at desc, c.id desc");

    private final String orderBy;

    ContactSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
