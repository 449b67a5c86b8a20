package io.switchboard.directory;

/**
 * A user as an admin creates or edits them (a CSV row of the bulk import too). Blank text is {@code null}.
 *
 * @param team the team's name; {@code null} for none
 * @param extension the phone extension; {@code null} for a user without a phone
 * @param pbx the PBX the extension is on ({@code switchboard.pbxes[n].id}); {@code null}: the only PBX, or the first
 *     listed
 */
public record UserForm(
        String username,
        String displayName,
        Role role,
        String team,
        String extension,
        String email,
        boolean active,
        String pbx) {

    public UserForm {
        username = clean(username);
        displayName = clean(displayName);
        team = clean(team);
        extension = clean(extension);
        email = clean(email);
        pbx = clean(pbx);
        if (displayName == null) {
            displayName = username;
        }
    }

    /** A form that leaves the PBX to the default: the only one, or the first listed. */
    public UserForm(
            String username,
            String displayName,
            Role role,
            String team,
            String extension,
            String email,
            boolean active) {
        this(username, displayName, role, team, extension, email, active, null);
    }

    /** The same form with its PBX set. */
    public UserForm withPbx(String pbx) {
        return new UserForm(username, displayName, role, team, extension, email, active, pbx);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
