package io.switchboard.contact;

/** How well a caller's number matched a contact's, best first. */
public enum MatchRank {
    /** The caller's number, normalised to E.164, is the contact's number. */
    EXACT,
    /**
     * The same national number under another country code, or the same digits as a stored number that could
     * not be parsed.
     */
    NATIONAL,
    /** Only the last N digits (configured) agree: worth offering, worth checking. */
    TRAILING_DIGITS,
    /** Nothing matched. */
    NONE
}
