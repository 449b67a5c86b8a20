package io.switchboard.campaign;

/**
 * Which of a campaign's equally urgent leads is dialled first. Callbacks that are due always come first, then
 * higher lead priority; this order decides among the rest.
 */
public enum LeadOrder {
    /** The lead that has been due longest first (then list order). */
    DUE_FIRST,
    /** In the order the leads were imported. */
    LIST_ORDER,
    /** Leads tried least often first, so a list is worked through once before it is recycled. */
    FEWEST_ATTEMPTS
}
