package io.switchboard.contact;

/**
 * A phone number as stored and searched: the raw text kept as entered, plus its E.164 form when it parsed to a
 * valid number.
 *
 * @param e164 {@code +493012345678}, or {@code null} when unparseable
 * @param country ISO region of the number ({@code DE}), {@code null} when unknown
 * @param nationalNumber national significant number ({@code 3012345678}), {@code null} when unparseable
 * @param digits the digits that identify the number: those of the E.164 form, or of the raw text when unparseable
 * @param unparseable the raw text did not parse to a valid number; it is kept, flagged, and found by its digits
 */
record NormalizedNumber(
        String raw, String e164, String country, String nationalNumber, String digits, boolean unparseable) {

    static final int MAX_RAW_LENGTH = 64;

    /** The digits reversed, so a trailing-digits match is a prefix match; {@code null} when there are none. */
    String reversedDigits() {
        return digits.isEmpty() ? null : new StringBuilder(digits).reverse().toString();
    }

    static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
