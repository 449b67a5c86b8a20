package io.switchboard.contact;

/** Why one CSV row cannot be imported. Thrown per row, so it carries no stack trace. */
class RowRejectedException extends RuntimeException {

    RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
