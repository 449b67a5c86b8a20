package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallHandles.CallHandle;
import java.util.List;
import java.util.Optional;

/** Every PBX this node is configured for, by id: the call an agent is on, wherever it is, and each PBX's commands. */
public interface Pbxes {

    /**
     * The call {@code agent} is on: an agent as events name them ({@link PbxName#key}, {@code b:1001}, or a bare
     * {@code 1001} on the default PBX), looked up on that agent's PBX only.
     */
    Optional<CallHandle> callOf(String agent);

    /** The commands of the PBX a call is on ({@link PbxCallIds#pbxOf}). */
    PbxCommands commandsForCall(String callId);

    /** The commands of one PBX; a {@link PbxCommandException} naming it when no such PBX is configured. */
    PbxCommands commandsFor(String pbx);

    /** The configured PBXes' ids, in their configured order ({@link PbxCallIds#DEFAULT_PBX} alone without a list). */
    List<String> ids();
}
