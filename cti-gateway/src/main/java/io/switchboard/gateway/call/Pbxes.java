package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallHandles.CallHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every PBX this node is configured for, by id, whichever node owns its link: commands for a PBX this node owns go out
 * on its own AMI session, commands for a PBX another node owns are relayed to that node over the cluster bus and
 * answered from there. Callers never care where the link is.
 */
public interface Pbxes {

    /**
     * The call {@code agent} is on, on whichever PBX: looked up on the links this node owns, then asked of the other
     * links' owners. Fails with a {@link PbxNotOwnedException} naming a PBX whose owner did not answer in time when
     * the call was found on no other.
     */
    CompletableFuture<Optional<CallHandle>> callOf(String agent);

    /** The commands of the PBX a call is on ({@link PbxCallIds#pbxOf}). */
    PbxCommands commandsForCall(String callId);

    /**
     * The commands of the PBX {@code pbx}, local or relayed to its link's owner; a {@link PbxCommandException} naming
     * it when no such PBX is configured.
     */
    PbxCommands commands(String pbx);

    /** The PBX the agent's phone (extension) is on: where click-to-dial rings it and its queue commands go. */
    String pbxOfAgent(String agent);

    /** The commands of the agent's PBX ({@link #pbxOfAgent}): click-to-dial, queue log-in, log-out and pause. */
    default PbxCommands commandsForAgent(String agent) {
        return commands(pbxOfAgent(agent));
    }

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

    /** Each configured PBX by id, in order, and whether this node owns its link (logs in to it and reads it) now. */
    default Map<String, Boolean> linksOwned() {
        return Map.of();
    }
}
