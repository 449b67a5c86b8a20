package io.switchboard.directory;

/**
 * A user as an admin creates or edits them (a CSV row of the bulk import too). Blank text is {@code null}.
 *
 * @param team the team's name; {@code null} for none
 * @param extension the phone extension; {@code null} for a user without a phone
 */
public record UserForm(
        String username, String displayName, Role role, String team, String extension, String email, boolean active) {

    public UserForm {
        username = clean(username);
        displayName = clean(displayName);
        team = clean(team);
        extension = clean(extension);
        email = clean(email);
        if (displayName == null) {
            displayName = username;
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
