package io.switchboard.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's request signature: {@code X-Switchboard-Signature: sha256=<hex>}, the HMAC-SHA256 under the shared
 * secret of the {@code X-Switchboard-Timestamp} header's value, a dot, and the raw body bytes. Signing the timestamp
 * with the body lets the server refuse a captured request replayed later. Thread-safe.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Switchboard-Signature";
    static final String TIMESTAMP_HEADER = "X-Switchboard-Timestamp";
    static final String SCHEME = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature header's value for {@code body} sent with the timestamp header {@code timestamp}. */
    String sign(String timestamp, byte[] body) {
        return SCHEME + HEX.formatHex(mac(timestamp, body));
    }

    /** Whether {@code header} is a well-formed signature of {@code timestamp} and {@code body}, in constant time. */
    boolean matches(String header, String timestamp, byte[] body) {
        return decode(header)
                .map(given -> MessageDigest.isEqual(given, mac(timestamp, body)))
                .orElse(false);
    }

    /** The MAC bytes of a well-formed header ({@code sha256=} and 64 hex digits, either case). */
    static Optional<byte[]> decode(String header) {
        if (header == null
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.length() != SCHEME.length() + 2 * MAC_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(HEX.parseHex(header, SCHEME.length(), header.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
