package io.switchboard.api;

/** A parameter of an upload is invalid; the problem names it. */
class InvalidUploadException extends RuntimeException {

    private final String field;

    InvalidUploadException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
