package io.switchboard.gateway.livesync;

import java.util.List;

/**
 * A node asks the owners of PBX links for their snapshots: when it starts, and when its bus connection is back.
 *
 * @param from the asking node, to which the snapshots are addressed
 * @param pbxes the PBXes it wants; empty: every link the answering node owns
 */
public record SnapshotRequest(String from, List<String> pbxes) {

    public SnapshotRequest {
        pbxes = pbxes == null ? List.of() : List.copyOf(pbxes);
    }
}
