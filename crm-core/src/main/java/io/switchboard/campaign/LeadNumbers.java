package io.switchboard.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Optional;

/**
 * Reads the numbers campaigns dial: only numbers libphonenumber holds valid get an E.164 form (a campaign must not
 * dial a guess), and the time zones their prefix lies in come from libphonenumber's time zone mapper.
 */
public final class LeadNumbers {

    private static final String UNKNOWN_ZONE = "Etc/Unknown";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
    private final String defaultRegion;

    /**
     * A valid number.
     *
     * @param zones the IANA zones of the number's prefix, most likely first; empty when libphonenumber knows none
     */
    public record LeadNumber(String e164, List<String> zones) {}

    /** @param defaultRegion the region numbers without a country code belong to ({@code DE}) */
    public LeadNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The number in E.164 with its zones; empty when the text is not a valid number. */
    public Optional<LeadNumber> read(String raw) {
        return parse(raw)
                .map(number -> new LeadNumber(
                        util.format(number, PhoneNumberFormat.E164),
                        zones.getTimeZonesForNumber(number).stream()
                                .filter(zone -> !zone.equals(UNKNOWN_ZONE))
                                .toList()));
    }

    /** The number in E.164; empty when the text is not a valid number. */
    public Optional<String> e164(String raw) {
        return parse(raw).map(number -> util.format(number, PhoneNumberFormat.E164));
    }

    private Optional<PhoneNumber> parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(text, defaultRegion);
            return util.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
