package io.switchboard.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a password must be, wherever one is set (first setup, a user's own change, an admin's create or reset): at
 * least {@code switchboard.security.password.min-length} characters (12 by default), neither the username nor
 * containing it, and not among the 10,000 most common passwords, nor one of them with digits or symbols around it
 * ({@code Password1234!}); the list ships in this jar (see the README).
 *
 * <p>Use {@link #check} where a refusal should become a 400 problem naming the field (it throws
 * {@link WeakPasswordException}, which the API's error handler turns into one), or {@link #problems} to show every
 * reason at once on a page.
 */
public final class PasswordPolicy {

    static final String COMMON_PASSWORDS = "common-passwords.txt";
    private static final Pattern CORE = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(int minLength) {
        this(minLength, loadCommonPasswords());
    }

    PasswordPolicy(int minLength, Set<String> common) {
        if (minLength < 8) {
            throw new IllegalArgumentException("switchboard.security.password.min-length must be at least 8");
        }
        this.minLength = minLength;
        this.common = common;
    }

    public int minLength() {
        return minLength;
    }

    /** Every reason the password is refused for this user, in words for them; empty when it is good. */
    public List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("a password is required");
            return problems;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            problems.add("must have at least " + minLength + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null
                && !username.isBlank()
                && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            problems.add("must not be or contain the username");
        }
        if (common.contains(lower)) {
            problems.add("is one of the 10,000 most common passwords");
        } else if (common.contains(core(lower))) {
            // at 12 characters or more few listed passwords are long enough by themselves; people pad them instead
            problems.add("is one of the 10,000 most common passwords with digits or symbols added");
        }
        return problems;
    }

    /** The letters between leading and trailing digits and symbols: {@code Password1234!} is {@code password}. */
    private static String core(String lower) {
        return CORE.matcher(lower).replaceAll("");
    }

    /** Refuses a weak password with every reason; returns quietly for a good one. */
    public void check(String username, String password) {
        List<String> problems = problems(username, password);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException("password", problems);
        }
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the jar");
            }
            Set<String> words = new HashSet<>(16_384);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
