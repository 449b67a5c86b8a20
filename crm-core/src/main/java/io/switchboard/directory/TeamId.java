package io.switchboard.directory;

/** Identifies a team of agents and their supervisors. */
public record TeamId(long value) {}
