package io.switchboard.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Reads phone numbers with libphonenumber against the configured default region.
 *
 * <p>Only numbers that libphonenumber considers valid get an E.164 form: a merely "possible" number such as an
 * internal extension ({@code 1001} is a possible German number) must not be stored as {@code +491001}. Anything
 * else is kept raw and flagged, never dropped.
 */
class PhoneNormalizer {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    NormalizedNumber normalize(String raw) {
        String text = raw == null ? "" : raw.strip();
        return normalize(text, parse(text));
    }

    /** Normalises text already parsed by {@link #parse}. */
    NormalizedNumber normalize(String text, Optional<PhoneNumber> parsed) {
        if (parsed.isPresent()) {
            PhoneNumber number = parsed.get();
            // What isValidNumber does, keeping the region it finds on the way.
            String region = util.getRegionCodeForNumber(number);
            if (region != null && util.isValidNumberForRegion(number, region)) {
                return valid(text, number, region);
            }
        }
        return new NormalizedNumber(text, null, null, null, NormalizedNumber.digitsOf(text), true);
    }

    /** The number libphonenumber reads from the text, valid or not; empty when it reads none. */
    Optional<PhoneNumber> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(util.parse(text, defaultRegion));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Digits of the number as dialled within its own country ({@code 0301234567}), trunk prefix included. */
    String nationalDialledDigits(PhoneNumber number) {
        return NormalizedNumber.digitsOf(util.format(number, PhoneNumberFormat.NATIONAL));
    }

    String e164Digits(PhoneNumber number) {
        return util.format(number, PhoneNumberFormat.E164).substring(1);
    }

    private NormalizedNumber valid(String raw, PhoneNumber number, String region) {
        String e164 = util.format(number, PhoneNumberFormat.E164);
        return new NormalizedNumber(
                raw,
                e164,
                // Non-geographic numbers (+800 freephone, +881 satellite) belong to no country: region "001".
                region.length() == 2 ? region : null,
                util.getNationalSignificantNumber(number),
                e164.substring(1),
                false);
    }
}
