package io.switchboard.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before the password was even checked: too many failures for this user or from this address, or
 * the user is locked out. Carries how long to wait, for the login page and the API's {@code Retry-After}.
 */
public class LoginRefusedException extends AuthenticationException {

    private final RefusalReason reason;
    private final Duration retryAfter;

    LoginRefusedException(RefusalReason reason, Duration retryAfter) {
        super(reason + ": try again in " + inWords(retryAfter));
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public RefusalReason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** What the user reads: "Too many attempts, try again in 4 minutes." */
    public String advice() {
        String wait = inWords(retryAfter);
        return reason == RefusalReason.LOCKED
                ? "Too many failed attempts: this account is locked. Try again in " + wait
                        + ", or ask an admin to unlock it."
                : "Too many attempts, try again in " + wait + ".";
    }

    /** Whole seconds, rounded up, at least one: for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
