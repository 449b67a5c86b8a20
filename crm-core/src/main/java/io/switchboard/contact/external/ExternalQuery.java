package io.switchboard.contact.external;

import java.util.Objects;

/**
 * A caller's number in the forms a lookup URL may ask for.
 *
 * @param raw the caller id as the PBX sent it ({@code 030 1234567})
 * @param e164 the number in E.164 ({@code +49301234567}); also what answers are cached by
 * @param national the number as dialled within its own country, digits only ({@code 0301234567})
 */
public record ExternalQuery(String raw, String e164, String national) {

    public ExternalQuery {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(national, "national");
    }
}
