package io.switchboard.contact;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A caller id read for lookup: either why it cannot be looked up, or the keys each rank searches with. Every key
 * is a reversed digit string, because every rank searches the one {@code phone_numbers.reversed_digits} index.
 *
 * @param reason why the caller cannot be matched; {@code null} when it can
 * @param e164 the caller's E.164 number when it is a valid number (EXACT rank)
 * @param nationalNumber its national significant number (NATIONAL rank, other country codes)
 * @param reversedDigitForms the caller's digits as presented, as dialled nationally and in E.164, reversed
 *     (NATIONAL rank against stored numbers that could not be parsed)
 * @param reversedTail the last N digits reversed; {@code null} when the caller has fewer (TRAILING_DIGITS rank)
 */
record CallerNumber(
        NoMatchReason reason, String e164, String nationalNumber, Set<String> reversedDigitForms, String reversedTail) {

    // What carriers and SIP peers send instead of a number when the caller hides it.
    private static final Pattern WITHHELD =
            Pattern.compile(".*(anonymous|restricted|private|withheld|blocked|privacy|clir).*");

    static CallerNumber read(String callerId, PhoneNormalizer normalizer, ContactProperties properties) {
        String text = callerId == null ? "" : callerId.strip();
        String digits = NormalizedNumber.digitsOf(text);
        if (digits.isEmpty()) {
            boolean withheld = WITHHELD.matcher(text.toLowerCase(Locale.ROOT)).matches();
            return refused(withheld ? NoMatchReason.WITHHELD : NoMatchReason.NO_CALLER_ID);
        }
        if (digits.length() <= properties.extensionMaxDigits()) {
            return refused(NoMatchReason.INTERNAL_EXTENSION);
        }
        Optional<PhoneNumber> parsed = normalizer.parse(text);
        NormalizedNumber normalized = normalizer.normalize(text, parsed);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(reverse(digits));
        parsed.ifPresent(number -> {
            forms.add(reverse(normalizer.nationalDialledDigits(number)));
            forms.add(reverse(normalizer.e164Digits(number)));
        });
        String significant = normalized.digits();
        String tail = significant.length() >= properties.trailingDigits()
                ? reverse(significant.substring(significant.length() - properties.trailingDigits()))
                : null;
        return new CallerNumber(null, normalized.e164(), normalized.nationalNumber(), Set.copyOf(forms), tail);
    }

    private static CallerNumber refused(NoMatchReason reason) {
        return new CallerNumber(reason, null, null, Set.of(), null);
    }

    static String reverse(String digits) {
        return new StringBuilder(digits).reverse().toString();
    }

    boolean refused() {
        return reason != null;
    }

    /** The E.164 digits reversed: what {@code reversed_digits} holds for the same number. */
    String reversedE164() {
        return e164 == null ? null : reverse(e164.substring(1));
    }

    /** The national number reversed: a prefix of {@code reversed_digits} for the same number in any country. */
    String reversedNationalNumber() {
        return nationalNumber == null ? null : reverse(nationalNumber);
    }
}
