package io.switchboard.contact;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks a contact's fields pass however they arrive (form, API, CSV import); each failure says why. */
final class ContactFields {

    static final int MAX_NAME = 300;
    static final int MAX_EMAIL = 320;
    static final int MAX_TAG = 64;
    static final int MAX_NOTES = 4000;
    /** Tags label a contact for filtering; more than this is a list pasted into the wrong field. */
    static final int MAX_TAGS = 50;

    // Deliberately loose: one @, no spaces, a dot in the domain. Mail servers are the real judge.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private ContactFields() {}

    /** Why the fields cannot be stored, or empty when they can. */
    static Optional<String> problem(String name, String company, String email, Set<String> tags, String notes) {
        if (name == null || name.isBlank()) {
            return Optional.of("missing name");
        }
        if (name.strip().length() > MAX_NAME) {
            return Optional.of("name longer than " + MAX_NAME + " characters");
        }
        if (company != null && company.strip().length() > AccountEntity.MAX_NAME_LENGTH) {
            return Optional.of("company longer than " + AccountEntity.MAX_NAME_LENGTH + " characters");
        }
        if (email != null
                && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            return Optional.of("invalid email '" + email + "'");
        }
        if (tags.size() > MAX_TAGS) {
            return Optional.of("more than " + MAX_TAGS + " tags (" + tags.size() + ")");
        }
        for (String tag : tags) {
            if (tag.length() > MAX_TAG) {
                return Optional.of("tag longer than " + MAX_TAG + " characters: '" + tag + "'");
            }
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            return Optional.of("notes longer than " + MAX_NOTES + " characters");
        }
        return Optional.empty();
    }

    /** Trimmed, non-blank tags, in their first order, without repeats. */
    static Set<String> tags(Collection<String> tags) {
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                clean.add(tag.strip());
            }
        }
        return clean;
    }

    /** Trimmed and lower-cased, so that re-imports find it whatever its capitals; {@code null} for blank. */
    static String email(String value) {
        String email = text(value);
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** Trimmed text, or {@code null} for blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
