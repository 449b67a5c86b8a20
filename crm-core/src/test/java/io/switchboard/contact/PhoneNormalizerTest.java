package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

    private final PhoneNormalizer germany = new PhoneNormalizer("DE");

    @ParameterizedTest
    @ValueSource(strings = {"030 1234567", "+49 30 1234567", "0049 (30) 123-4567", "+49 (0)30 1234567"})
    void numbersWrittenAnyWayBecomeOneE164Number(String raw) {
        NormalizedNumber number = germany.normalize(raw);

        assertThat(number.e164()).isEqualTo("+49301234567");
        assertThat(number.country()).isEqualTo("DE");
        assertThat(number.nationalNumber()).isEqualTo("301234567");
        assertThat(number.unparseable()).isFalse();
        assertThat(number.raw()).isEqualTo(raw);
    }

    @Test
    void numbersOfOtherCountriesKeepTheirCountry() {
        NormalizedNumber london = germany.normalize("+44 20 7946 0958");

        assertThat(london.e164()).isEqualTo("+442079460958");
        assertThat(london.country()).isEqualTo("GB");
    }

    @Test
    void nonGeographicNumbersHaveNoCountry() {
        NormalizedNumber freephone = germany.normalize("+800 1234 5678");

        assertThat(freephone.e164()).isEqualTo("+80012345678");
        assertThat(freephone.country()).isNull();
        assertThat(freephone.unparseable()).isFalse();
    }

    @Test
    void theDefaultRegionDecidesWhatANationalNumberMeans() {
        NormalizedNumber inFrance = new PhoneNormalizer("FR").normalize("01 23 45 67 89");

        assertThat(inFrance.e164()).isEqualTo("+33123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"n/a", "call reception", "0151-1234567", "1001"})
    void whatIsNotAValidNumberIsKeptRawAndFlagged(String raw) {
        NormalizedNumber number = germany.normalize(raw);

        assertThat(number.unparseable()).isTrue();
        assertThat(number.e164()).isNull();
        assertThat(number.raw()).isEqualTo(raw);
        assertThat(number.digits()).isEqualTo(NormalizedNumber.digitsOf(raw));
    }

    @Test
    void digitsAreIndexedBackwardsForTrailingMatches() {
        assertThat(germany.normalize("+49 30 1234567").reversedDigits()).isEqualTo("76543210394");
        assertThat(germany.normalize("n/a").reversedDigits()).isNull();
    }
}
