package io.switchboard.security;

import java.util.List;

/** A password the {@link PasswordPolicy} refuses; the API answers it with a 400 problem naming the field. */
public class WeakPasswordException extends RuntimeException {

    private final String field;
    private final List<String> problems;

    public WeakPasswordException(String field, List<String> problems) {
        super("The password " + String.join("; ", problems));
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    /** The request's field that held the password, e.g. {@code password} or {@code newPassword}. */
    public String field() {
        return field;
    }

    public List<String> problems() {
        return problems;
    }
}
