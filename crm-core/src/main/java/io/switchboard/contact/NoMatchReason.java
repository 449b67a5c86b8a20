package io.switchboard.contact;

/** Why a caller lookup found nobody. */
public enum NoMatchReason {
    /** The caller withheld the number ({@code anonymous}, {@code Restricted}, {@code Private}, ...). */
    WITHHELD,
    /** The PBX sent no caller number ({@code ""}, {@code <unknown>}, text without digits). */
    NO_CALLER_ID,
    /** The number is as short as an internal extension: a colleague, never a contact. */
    INTERNAL_EXTENSION,
    /** A real number that no contact visible to the viewer has. */
    NOT_FOUND
}
