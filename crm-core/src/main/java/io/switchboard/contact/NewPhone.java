package io.switchboard.contact;

import java.util.Objects;

/** A phone number to add to a contact, as the user typed it. */
public record NewPhone(PhoneType type, String raw) {

    public NewPhone {
        Objects.requireNonNull(type, "type");
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a phone number needs some text");
        }
        if (raw.strip().length() > NormalizedNumber.MAX_RAW_LENGTH) {
            throw new IllegalArgumentException(
                    "a phone number is at most " + NormalizedNumber.MAX_RAW_LENGTH + " characters");
        }
    }
}
