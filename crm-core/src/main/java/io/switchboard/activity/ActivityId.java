package io.switchboard.activity;

/** Identifies an activity. */
public record ActivityId(long value) {}
