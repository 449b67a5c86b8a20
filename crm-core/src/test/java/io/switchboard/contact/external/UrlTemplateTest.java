package io.switchboard.contact.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UrlTemplateTest {

    static final ExternalQuery CALLER = new ExternalQuery("+49 (30) 123&4567", "+49301234567", "0301234567");

    @Test
    void placeholdersAreFilledInUrlEncoded() {
        UrlTemplate template =
                new UrlTemplate("https://crm.example.com/api/people/{national}?phone={e164}&as-typed={raw}");

        assertThat(template.expand(CALLER))
                .hasToString("https://crm.example.com/api/people/0301234567?phone=%2B49301234567"
                        + "&as-typed=%2B49%20%2830%29%20123%264567");
    }

    @Test
    void logsSeeTheTemplateWithoutItsQueryString() {
        UrlTemplate template = new UrlTemplate("https://crm.example.com/api/lookup?key=abc&phone={e164}");

        assertThat(template.redacted()).isEqualTo("https://crm.example.com/api/lookup?...");
    }

    @Test
    void unknownPlaceholderOrNonHttpUrlIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UrlTemplate.check("https://crm.example.com/lookup?phone={number}"))
                .withMessageContaining("{number}");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UrlTemplate.check("ftp://crm.example.com/{e164}"))
                .withMessageContaining("http");
    }
}
