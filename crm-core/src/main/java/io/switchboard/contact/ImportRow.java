package io.switchboard.contact;

import java.util.Locale;
import java.util.Set;

/**
 * A CSV row that passed the checks, ready to write.
 *
 * @param phone {@code null} when the row has no phone number
 * @param phoneType {@code null} when the row does not say
 * @param tags empty when the row names none (a re-import then keeps the contact's tags)
 * @param key what makes two rows the same contact (see {@link #keyOf}); {@code null} when the row has no number
 *     and no email, so it always becomes a new contact
 */
record ImportRow(
        long row,
        String name,
        String company,
        String email,
        NormalizedNumber phone,
        PhoneType phoneType,
        Set<String> tags,
        Long ownerId,
        Long teamId,
        String notes,
        String key) {

    static ImportRow of(
            long row,
            String name,
            String company,
            String email,
            NormalizedNumber phone,
            PhoneType phoneType,
            Set<String> tags,
            Long ownerId,
            Long teamId,
            String notes) {
        return new ImportRow(
                row, name, company, email, phone, phoneType, tags, ownerId, teamId, notes, keyOf(name, phone, email));
    }

    /**
     * The name with the E.164 number, else with the digits of an unparseable number, else with the email;
     * {@code null} when there is none of them.
     */
    static String keyOf(String name, NormalizedNumber phone, String email) {
        if (phone != null && phone.e164() != null) {
            return key(name, phone.e164());
        }
        if (phone != null && !phone.digits().isEmpty()) {
            return key(name, "#" + phone.digits());
        }
        return email == null ? null : key(name, "@" + email);
    }

    /** Names compare without regard to case or repeated spaces. */
    static String key(String name, String identity) {
        StringBuilder key = new StringBuilder(name.length() + identity.length() + 1);
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c)) {
                space = key.length() > 0;
            } else {
                if (space) {
                    key.append(' ');
                    space = false;
                }
                key.append(c);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT) + "|" + identity;
    }
}
