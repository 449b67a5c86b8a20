package io.switchboard.gateway.ami;

import java.time.Instant;

/**
 * The AMI link as an operator sees it.
 *
 * @param state what the link is doing now
 * @param since when it entered that state
 * @param connects successful logins since start (the first one included)
 * @param lastError why the last attempt or the link failed, if it did
 */
public record LinkStatus(State state, Instant since, long connects, String lastError) {

    public enum State {
        /** Another node owns the link; this one takes it when that node stops renewing it. */
        STANDBY,
        CONNECTING,
        UP,
        DOWN,
        STOPPED
    }
}
