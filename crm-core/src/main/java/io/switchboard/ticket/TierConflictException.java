package io.switchboard.ticket;

/** A tier change that conflicts with the tiers as they are: a name taken, a tier with tickets, the last active one. */
public class TierConflictException extends RuntimeException {

    public TierConflictException(String message) {
        super(message);
    }
}
