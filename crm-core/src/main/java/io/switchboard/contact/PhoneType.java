package io.switchboard.contact;

import java.util.Locale;
import java.util.Optional;

/** What kind of line a phone number is. */
public enum PhoneType {
    MOBILE,
    WORK,
    HOME,
    FAX,
    OTHER;

    /** Reads the words people put in a CSV's type column: {@code mobile}, {@code Cell}, {@code office}, ... */
    public static Optional<PhoneType> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "mobile", "cell", "cellular", "handy", "mobil" -> Optional.of(MOBILE);
            case "work", "office", "business", "direct", "main", "dienstlich", "büro" -> Optional.of(WORK);
            case "home", "private", "privat" -> Optional.of(HOME);
            case "fax" -> Optional.of(FAX);
            case "other" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }
}
