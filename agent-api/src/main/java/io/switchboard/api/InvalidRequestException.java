package io.switchboard.api;

import java.util.List;

/** A request the API refuses as a whole list of field problems: a 400 problem with an {@code errors} entry each. */
class InvalidRequestException extends RuntimeException {

    private final transient List<ApiProblems.FieldMessage> errors;

    InvalidRequestException(List<ApiProblems.FieldMessage> errors) {
        super(errors.size() + " field(s) invalid: " + errors.get(0).field() + " "
                + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new ApiProblems.FieldMessage(field, message)));
    }

    List<ApiProblems.FieldMessage> errors() {
        return errors;
    }
}
