package io.switchboard.contact;

/**
 * Two records of one person became one: everything that pointed at {@code merged} (calls, tickets, campaign leads)
 * now points at {@code kept}. Published inside the merge's transaction, before {@code merged} is deleted, so that
 * each package re-points its own rows in the same transaction (its foreign keys would otherwise empty them).
 */
public record ContactsMerged(ContactId kept, ContactId merged) {}
