package io.switchboard.contact;

/** Identifies a contact. */
public record ContactId(long value) {}
