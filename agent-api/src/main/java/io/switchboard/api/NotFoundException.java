package io.switchboard.api;

/** A resource of the API that does not exist or that the caller may not see. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
