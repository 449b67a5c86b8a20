package io.switchboard.security;

import org.springframework.security.core.AuthenticationException;

/** A single sign-on login the identity provider accepted but Switchboard refuses; the message is for the user. */
public class SsoRefusedException extends AuthenticationException {

    public SsoRefusedException(String message) {
        super(message);
    }
}
