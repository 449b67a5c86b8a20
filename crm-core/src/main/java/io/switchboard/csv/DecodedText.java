package io.switchboard.csv;

import java.io.Reader;
import java.nio.charset.Charset;

/**
 * An uploaded file as text, and how its encoding was found.
 *
 * @param how {@code byte-order mark}, {@code detected} or {@code given}
 * @param clean whether every byte is known to decode: when not, a row with undecodable bytes is rejected, rather
 *     than stored with replacement characters
 */
public record DecodedText(Reader text, Charset charset, String how, boolean clean) {

    /** For the import report, e.g. {@code windows-1252 (detected)}. */
    public String describe() {
        return charset.name() + " (" + how + ")";
    }
}
