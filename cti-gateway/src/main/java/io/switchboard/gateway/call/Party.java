package io.switchboard.gateway.call;

/** One end of a call as the PBX identifies it: a number and, when known, a display name. */
public record Party(String number, String name) {

    public static final Party UNKNOWN = new Party(null, null);

    /** Asterisk writes {@code <unknown>} for absent caller id fields. */
    public static Party of(String number, String name) {
        return new Party(clean(number), clean(name));
    }

    static String clean(String value) {
        if (value == null || value.isBlank() || "<unknown>".equals(value)) {
            return null;
        }
        return value;
    }
}
