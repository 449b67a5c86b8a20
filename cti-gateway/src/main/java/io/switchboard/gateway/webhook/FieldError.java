package io.switchboard.gateway.webhook;

/** What is wrong with one field of a posted event; listed in a 400 problem's {@code errors} member. */
record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + " " + message;
    }
}
