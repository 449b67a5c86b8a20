package io.switchboard.gateway.webhook;

import java.util.List;

/** A posted body that is not a valid event: malformed JSON, or fields missing or wrong (then listed). */
final class InvalidEventException extends Exception {

    private final transient List<FieldError> errors;

    InvalidEventException(String detail) {
        this(detail, List.of());
    }

    InvalidEventException(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
