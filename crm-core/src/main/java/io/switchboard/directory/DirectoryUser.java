package io.switchboard.directory;

/**
 * A user as other packages see it.
 *
 * @param team {@code null} when the user belongs to no team
 * @param extension the phone extension the PBX rings for this user (e.g. {@code 1001}); {@code null} if none
 */
public record DirectoryUser(UserId id, String username, String displayName, Role role, TeamId team, String extension) {

    /**
     * This user as a viewer of data with their own team only. A supervisor's whole scope (the teams they are assigned
     * too) is {@link TeamScopes#viewer}: what the application uses.
     */
    public Viewer viewer() {
        return new Viewer(id, role, team);
    }
}
