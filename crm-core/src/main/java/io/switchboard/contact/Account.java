package io.switchboard.contact;

/** The company a contact belongs to. */
public record Account(AccountId id, String name) {}
