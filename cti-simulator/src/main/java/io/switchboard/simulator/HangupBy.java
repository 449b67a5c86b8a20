package io.switchboard.simulator;

/** Which side ends an answered call. */
public enum HangupBy {
    CALLER,
    AGENT
}
