package io.switchboard.contact;

/** Identifies an account (the company a contact works for). */
public record AccountId(long value) {}
