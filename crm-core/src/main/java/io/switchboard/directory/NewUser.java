package io.switchboard.directory;

import io.switchboard.gateway.call.PbxCallIds;
import java.util.Objects;

/**
 * A user to add to the directory.
 *
 * @param team {@code null} for no team
 * @param extension {@code null} for users without a phone
 * @param pbx the PBX the extension is on; {@code default} when left out
 */
public record NewUser(String username, String displayName, Role role, TeamId team, String extension, String pbx) {

    public NewUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a username");
        }
        Objects.requireNonNull(role, "role");
        username = username.trim();
        displayName = displayName == null || displayName.isBlank() ? username : displayName.trim();
        pbx = pbx == null || pbx.isBlank() ? PbxCallIds.DEFAULT_PBX : pbx.trim();
    }

    /** A user whose extension, if any, is on the default PBX. */
    public NewUser(String username, String displayName, Role role, TeamId team, String extension) {
        this(username, displayName, role, team, extension, PbxCallIds.DEFAULT_PBX);
    }
}
