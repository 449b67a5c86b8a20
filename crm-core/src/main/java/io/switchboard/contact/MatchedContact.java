package io.switchboard.contact;

/**
 * A contact a caller's number matched.
 *
 * @param account {@code null} when the contact belongs to no company
 * @param phone the contact's number that matched
 */
public record MatchedContact(ContactId id, String name, Account account, Phone phone) {}
