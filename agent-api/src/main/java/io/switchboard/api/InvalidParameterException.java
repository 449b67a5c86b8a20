package io.switchboard.api;

/** A request parameter the API cannot use; names it, for a 400 problem with the field. */
class InvalidParameterException extends RuntimeException {

    private final String field;

    InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
