package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void aLongUncommonPasswordPasses() {
        assertThat(policy.problems("alice", "violet-harbour-tram-42")).isEmpty();
        policy.check("alice", "violet-harbour-tram-42");
    }

    @Test
    void aShortPasswordIsRefusedWithTheMinimumNamed() {
        assertThat(policy.problems("alice", "Tr4m-42!x")).containsExactly("must have at least 12 characters");
    }

    @Test
    void theMinimumIsConfigurable() {
        assertThat(new PasswordPolicy(16).problems("alice", "violet-harbour-x")).isEmpty();
        assertThat(new PasswordPolicy(16).problems("alice", "violet-harbour"))
                .containsExactly("must have at least 16 characters");
        assertThatThrownBy(() -> new PasswordPolicy(6)).hasMessageContaining("at least 8");
    }

    @Test
    void thePasswordMayNeitherBeNorContainTheUsername() {
        assertThat(policy.problems("margaret.h", "margaret.h")).contains("must not be or contain the username");
        assertThat(policy.problems("margaret.h", "MyName-is-MARGARET.H-ok"))
                .containsExactly("must not be or contain the username");
    }

    @Test
    void theTenThousandMostCommonPasswordsAreRefusedWhateverTheirCase() {
        // all three are in the shipped list (entries 1, 5 and 150 or so); at 12 characters only a few list entries
        // are long enough to matter, so test with a short minimum too
        PasswordPolicy lenient = new PasswordPolicy(8);
        assertThat(lenient.problems("alice", "password")).containsExactly("is one of the 10,000 most common passwords");
        assertThat(lenient.problems("alice", "PassWord")).containsExactly("is one of the 10,000 most common passwords");
        assertThat(policy.problems("alice", "motherfucker"))
                .containsExactly("is one of the 10,000 most common passwords");
        assertThat(policy.problems("alice", "unbelievable"))
                .containsExactly("is one of the 10,000 most common passwords");
    }

    @Test
    void aCommonPasswordPaddedWithDigitsOrSymbolsIsRefusedToo() {
        assertThat(policy.problems("alice", "Password1234!"))
                .containsExactly("is one of the 10,000 most common passwords with digits or symbols added");
        assertThat(policy.problems("alice", "2024!!monkey99"))
                .containsExactly("is one of the 10,000 most common passwords with digits or symbols added");
    }

    @Test
    void theShippedListHasTenThousandEntries() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
            long lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .count();
            assertThat(lines).isGreaterThanOrEqualTo(10_000);
        }
    }

    @Test
    void checkNamesTheFieldAndEveryReason() {
        assertThatThrownBy(() -> policy.check("bob", "bob")).isInstanceOfSatisfying(WeakPasswordException.class, e -> {
            assertThat(e.field()).isEqualTo("password");
            assertThat(e.problems())
                    .containsExactly("must have at least 12 characters", "must not be or contain the username");
        });
        assertThat(policy.problems("bob", null)).containsExactly("a password is required");
    }
}
