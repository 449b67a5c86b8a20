package io.switchboard.setup;

/** A setup token that is not the one this server logged at start, or setup is already over. */
class WrongSetupTokenException extends RuntimeException {

    WrongSetupTokenException() {
        super("That is not the setup token this server printed to its log at start");
    }
}
