package io.switchboard.api;

/** A call control command for an agent who is on no call (or not consulting anyone): 409, nothing was sent. */
class NoCallException extends RuntimeException {

    NoCallException(String message) {
        super(message);
    }
}
