package io.switchboard.gateway.edge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.gateway.edge.EdgeTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues and verifies the short-lived tokens that open CTI edge sessions: HS256-signed JWTs carrying the user's
 * name (subject), role, team and extension, an id and an expiry. A token is only good for opening a socket, so
 * its lifetime is short (60 s by default); an open session is not affected when its token expires.
 *
 * <p>The secret comes from configuration ({@code switchboard.edge.token-secret}) and must be at least 32 bytes,
 * as HS256 requires. Verification checks, in order: that the token is a JWS, its algorithm, its signature, its
 * claims, and its expiry (allowing {@link #CLOCK_SKEW} between the node that issued it and the one verifying).
 */
public final class EdgeTokens {

    /** Tolerance for clocks of different nodes when checking expiry. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    static final String ISSUER = "switchboard";
    static final String AUDIENCE = "switchboard-cti-edge";
    static final int MIN_SECRET_BYTES = 32;

    private static final String ROLE = "role";
    private static final String TEAM = "team";
    private static final String EXTENSION = "ext";
    /** The login (browser session) the token was issued in, as an opaque random id; absent for API clients. */
    private static final String LOGIN = "sid";

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    public EdgeTokens(String secret, Duration ttl) {
        this(secret, ttl, Clock.systemUTC());
    }

    public EdgeTokens(String secret, Duration ttl, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "The CTI edge token secret must be at least " + MIN_SECRET_BYTES + " bytes (HS256)");
        }
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The token lifetime must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = new MACSigner(this.secret);
            this.verifier = new MACVerifier(this.secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable CTI edge token secret: " + e.getMessage(), e);
        }
    }

    /** A token for {@code user}, valid for the configured lifetime from now. */
    public EdgeToken issue(EdgeUser user) {
        return issue(user, null);
    }

    /**
     * A token for {@code user} issued in one login ({@code login}: an opaque id of the user's browser session, never
     * the session's own id), so that ending that login ({@link CtiEdge#endLogin}) closes the sessions it opened and
     * refuses its tokens not used yet. Null for a token tied to no login.
     */
    public EdgeToken issue(EdgeUser user, String login) {
        Objects.requireNonNull(user, "user");
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user.username())
                .claim(ROLE, user.role())
                .claim(TEAM, user.team())
                .claim(EXTENSION, user.extension())
                .claim(LOGIN, login)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a CTI edge token", e);
        }
        return new EdgeToken(jwt.serialize(), expiresAt);
    }

    /** The user a valid token names; otherwise an {@link EdgeTokenException} saying why it is refused. */
    public EdgeUser verify(String token) {
        return check(token).user();
    }

    /** Verifies a token and returns what the edge needs from it, including its id for single use. */
    VerifiedToken check(String token) {
        SignedJWT jwt = parse(token);
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new EdgeTokenException(
                    Reason.BAD_SIGNATURE, "Token signed with " + jwt.getHeader().getAlgorithm() + ", expected HS256");
        }
        if (!verifySignature(jwt)) {
            throw new EdgeTokenException(Reason.BAD_SIGNATURE, "Token signature does not match");
        }
        JWTClaimsSet claims = claimsOf(jwt);
        Instant expiresAt = requireExpiry(claims);
        if (!ISSUER.equals(claims.getIssuer()) || !claims.getAudience().contains(AUDIENCE)) {
            throw new EdgeTokenException(Reason.MALFORMED, "Token is not a CTI edge token");
        }
        if (clock.instant().isAfter(expiresAt.plus(CLOCK_SKEW))) {
            throw new EdgeTokenException(Reason.EXPIRED, "Token expired at " + expiresAt);
        }
        String id = claims.getJWTID();
        if (id == null || id.isBlank()) {
            throw new EdgeTokenException(Reason.MALFORMED, "Token has no id");
        }
        return new VerifiedToken(userOf(claims), id, expiresAt.plus(CLOCK_SKEW), loginOf(claims));
    }

    private static SignedJWT parse(String token) {
        if (token == null || token.isBlank()) {
            throw new EdgeTokenException(Reason.MALFORMED, "No token");
        }
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new EdgeTokenException(Reason.MALFORMED, "Not a signed JWT", e);
        }
    }

    private boolean verifySignature(SignedJWT jwt) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            throw new EdgeTokenException(Reason.BAD_SIGNATURE, "Token signature cannot be checked", e);
        }
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new EdgeTokenException(Reason.MALFORMED, "Token claims are not a JSON object", e);
        }
    }

    private static Instant requireExpiry(JWTClaimsSet claims) {
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new EdgeTokenException(Reason.MALFORMED, "Token has no expiry");
        }
        return expiry.toInstant();
    }

    private static EdgeUser userOf(JWTClaimsSet claims) {
        try {
            return new EdgeUser(
                    claims.getSubject(),
                    claims.getClaimAsString(ROLE),
                    claims.getClaimAsString(TEAM),
                    claims.getClaimAsString(EXTENSION));
        } catch (ParseException | IllegalArgumentException e) {
            throw new EdgeTokenException(Reason.MALFORMED, "Token lacks a valid subject or role", e);
        }
    }

    private static String loginOf(JWTClaimsSet claims) {
        try {
            return claims.getStringClaim(LOGIN);
        } catch (ParseException e) {
            throw new EdgeTokenException(Reason.MALFORMED, "Token's login is not a string", e);
        }
    }

    /**
     * A verified token: its user, its id, the moment it stops being accepted, and the login it was issued in (or
     * null).
     */
    record VerifiedToken(EdgeUser user, String id, Instant acceptedUntil, String login) {}
}
