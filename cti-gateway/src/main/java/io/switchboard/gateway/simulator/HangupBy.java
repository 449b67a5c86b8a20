package io.switchboard.gateway.simulator;

/** Which side ends an answered call. */
public enum HangupBy {
    CALLER,
    AGENT
}
