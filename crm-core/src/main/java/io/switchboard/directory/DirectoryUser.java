package io.switchboard.directory;

import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxName;
import java.util.Optional;

/**
 * A user as other packages see it.
 *
 * @param team {@code null} when the user belongs to no team
 * @param extension the phone extension the PBX rings for this user (e.g. {@code 1001}); {@code null} if none
 * @param pbx the PBX the extension is on ({@code switchboard.pbxes[n].id}; {@code default} for the single link)
 */
public record DirectoryUser(
        UserId id, String username, String displayName, Role role, TeamId team, String extension, String pbx) {

    public DirectoryUser {
        pbx = pbx == null || pbx.isBlank() ? PbxCallIds.DEFAULT_PBX : pbx;
    }

    /** A user whose extension, if any, is on the default PBX. */
    public DirectoryUser(UserId id, String username, String displayName, Role role, TeamId team, String extension) {
        this(id, username, displayName, role, team, extension, PbxCallIds.DEFAULT_PBX);
    }

    /**
     * The user's phone: its PBX and extension there, empty for a user without one. What commands for this agent use
     * (click-to-dial, queue log-in, pause): the PBX to send them to and the extension that PBX knows.
     */
    public Optional<PbxName> phone() {
        return extension == null ? Optional.empty() : Optional.of(new PbxName(pbx, extension));
    }

    /**
     * The user as call events name the agent ({@link PbxName#key}: {@code b:1001}, the bare extension on the default
     * PBX); {@code null} without a phone.
     */
    public String agent() {
        return PbxName.key(pbx, extension);
    }

    /**
     * This user as a viewer of data with their own team only. A supervisor's whole scope (the teams they are assigned
     * too) is {@link TeamScopes#viewer}: what the application uses.
     */
    public Viewer viewer() {
        return new Viewer(id, role, team);
    }
}
