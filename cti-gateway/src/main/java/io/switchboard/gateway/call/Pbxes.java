package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallHandles.CallHandle;
import java.util.Map;
import java.util.Optional;

/** Every PBX this node is configured for, by id: the call an agent is on, wherever it is, and each PBX's commands. */
public interface Pbxes {

    /** The call {@code agent} is on, on whichever PBX. */
    Optional<CallHandle> callOf(String agent);

    /** The commands of the PBX a call is on ({@link PbxCallIds#pbxOf}). */
    PbxCommands commandsForCall(String callId);

    /** Each configured PBX by id, in order, and whether this node owns its link (logs in to it and reads it) now. */
    default Map<String, Boolean> linksOwned() {
        return Map.of();
    }
}
