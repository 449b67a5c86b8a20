package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.gateway.edge.EdgeTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EdgeTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final EdgeTokens tokens = tokensAt(NOW);

    @Test
    void issuedTokenNamesItsUserWithRoleTeamAndExtension() {
        EdgeToken token = tokens.issue(ALICE);

        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(tokens.verify(token.value())).isEqualTo(ALICE);
    }

    @Test
    void userWithoutTeamOrExtensionKeepsThemNull() {
        EdgeUser admin = new EdgeUser("root", "ADMIN", null, null);

        assertThat(tokens.verify(tokens.issue(admin).value())).isEqualTo(admin);
    }

    @Test
    void everyTokenHasItsOwnId() {
        EdgeToken one = tokens.issue(ALICE);
        EdgeToken two = tokens.issue(ALICE);

        assertThat(tokens.check(one.value()).id())
                .isNotEqualTo(tokens.check(two.value()).id());
    }

    @Test
    void tokenPastItsExpiryIsRefusedAsExpired() {
        String token = tokensAt(NOW.minusSeconds(120)).issue(ALICE).value();

        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(
                        EdgeTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void expiryAllowsASmallClockSkewBetweenNodes() {
        String token = tokensAt(NOW.minusSeconds(62)).issue(ALICE).value();

        assertThat(tokens.verify(token)).isEqualTo(ALICE);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefusedAsBadSignature() {
        EdgeTokens other = new EdgeTokens(
                "another-secret-that-is-also-32-bytes-long", Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
        String token = other.issue(ALICE).value();

        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(
                        EdgeTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void tokenWhosePayloadWasEditedIsRefusedAsBadSignature() {
        String[] parts = tokens.issue(ALICE).value().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.replace("AGENT", "ADMIN").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOfSatisfying(
                        EdgeTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void unsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = tokens.issue(ALICE).value().split("\\.")[1];

        assertThatThrownBy(() -> tokens.verify(header + "." + claims + "."))
                .isInstanceOfSatisfying(
                        EdgeTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        assertThatThrownBy(() -> tokens.verify("not-a-jwt"))
                .isInstanceOfSatisfying(
                        EdgeTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> tokens.verify(""))
                .isInstanceOfSatisfying(
                        EdgeTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void secretShorterThan32BytesIsRejected() {
        assertThatThrownBy(() -> new EdgeTokens("too-short", Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void tokenDoesNotShowItsValueWhenPrinted() {
        EdgeToken token = tokens.issue(ALICE);

        assertThat(token.toString()).doesNotContain(token.value());
    }

    private static EdgeTokens tokensAt(Instant now) {
        return new EdgeTokens(SECRET, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }
}
