package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerNumberTest {

    private final PhoneNormalizer normalizer = new PhoneNormalizer("DE");
    private final ContactProperties properties = ContactProperties.defaults();

    @Test
    void validCallerCarriesEveryRanksKey() {
        CallerNumber caller = CallerNumber.read("0301234567", normalizer, properties);

        assertThat(caller.refused()).isFalse();
        assertThat(caller.e164()).isEqualTo("+49301234567");
        assertThat(caller.nationalNumber()).isEqualTo("301234567");
        assertThat(caller.reversedDigitForms()).containsExactlyInAnyOrder("7654321030", "76543210394");
        assertThat(caller.reversedTail()).isEqualTo("76543210");
    }

    @Test
    void callerShorterThanTheTrailingDigitsHasNoTrailingKey() {
        CallerNumber caller = CallerNumber.read("1234567", normalizer, properties);

        assertThat(caller.refused()).isFalse();
        assertThat(caller.reversedTail()).isNull();
    }

    @Test
    void trailingDigitsAreConfigurable() {
        ContactProperties six = new ContactProperties("DE", 6, 4, 20, 5, 2000, 2, true, 100);

        assertThat(CallerNumber.read("+49301234567", normalizer, six).reversedTail())
                .isEqualTo("765432");
    }

    @Test
    void extensionLengthIsConfigurable() {
        ContactProperties fiveDigitExtensions = new ContactProperties("DE", 8, 5, 20, 5, 2000, 2, true, 100);

        assertThat(CallerNumber.read("12345", normalizer, fiveDigitExtensions).reason())
                .isEqualTo(NoMatchReason.INTERNAL_EXTENSION);
        assertThat(CallerNumber.read("12345", normalizer, properties).refused()).isFalse();
    }

    @Test
    void prefixRangeEndsAtTheNextDigitString() {
        assertThat(CallerMatchQueries.successor("7654")).isEqualTo("7655");
        assertThat(CallerMatchQueries.successor("7659")).isEqualTo("766");
        assertThat(CallerMatchQueries.successor("7999")).isEqualTo("8");
        assertThat(CallerMatchQueries.successor("999")).isNull();
    }
}
