package io.switchboard.security;

import java.util.Locale;

/** Why a login was refused: the {@code reason} tag of {@code switchboard.security.login.refused}. */
public enum RefusalReason {
    /** Unknown username or wrong password (not told apart, to the user or in the metric). */
    BAD_CREDENTIALS,
    /** The user is deactivated. */
    DISABLED,
    /** Locked out after too many failures in a row. */
    LOCKED,
    /** Too many recent failures for this username. */
    THROTTLED_USER,
    /** Too many recent failures from this address. */
    THROTTLED_ADDRESS,
    /** A wrong first-start setup token. */
    SETUP_TOKEN,
    /** Single sign-on: the identity provider's user matches no Switchboard user, or an inactive one. */
    SSO_NO_USER;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
