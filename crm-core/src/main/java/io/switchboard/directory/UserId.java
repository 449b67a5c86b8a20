package io.switchboard.directory;

/** Identifies a user (agent, supervisor, campaign manager, admin). */
public record UserId(long value) {}
