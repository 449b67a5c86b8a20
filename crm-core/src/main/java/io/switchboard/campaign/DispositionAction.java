package io.switchboard.campaign;

/** What an agent's disposition does to the lead. */
public enum DispositionAction {
    /** The lead is done (a sale, not interested, wrong number). */
    FINAL,
    /** Dial the lead again after the disposition's delay (within the campaign's maximum attempts). */
    RETRY,
    /** Dial the lead again at the time the agent agreed with the customer; for anyone or for that agent only. */
    CALLBACK,
    /** The lead is done and its number goes on the campaign's do-not-call list. */
    DNC
}
