package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallHandles.CallHandle;
import java.util.List;
import java.util.Optional;

/** Every PBX this node is configured for, by id: the call an agent is on, wherever it is, and each PBX's commands. */
public interface Pbxes {

    /** The call {@code agent} is on, on whichever PBX. */
    Optional<CallHandle> callOf(String agent);

    /** The commands of the PBX a call is on ({@link PbxCallIds#pbxOf}). */
    PbxCommands commandsForCall(String callId);

    /** The commands of one PBX; a {@link PbxCommandException} naming it when none of that id is configured. */
    PbxCommands commands(String pbx);

    /** Every configured PBX with its trunk limit, in configuration order. */
    List<Trunk> trunks();

    /**
     * One PBX's outside lines as campaigns see them.
     *
     * @param pbx the PBX's id
     * @param maxConcurrentCalls the most campaign calls it may carry at once, all campaigns together; 0 for no limit
     */
    record Trunk(String pbx, int maxConcurrentCalls) {

        public Trunk {
            if (maxConcurrentCalls < 0) {
                throw new IllegalArgumentException("maxConcurrentCalls must not be negative: " + maxConcurrentCalls);
            }
        }

        public boolean limited() {
            return maxConcurrentCalls > 0;
        }
    }
}
