package io.switchboard.api;

import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.Pbxes;
import org.springframework.beans.factory.ObjectProvider;

/** Where an agent's commands go (click-to-dial, queue log-in, pause): the PBX of the agent's extension. */
final class AgentPbx {

    private AgentPbx() {}

    /**
     * The commands of the agent's PBX, local or relayed to its link's owner; without PBX links (another gateway
     * supplies the commands) those commands; a 503 when there is none.
     */
    static PbxCommands commands(ObjectProvider<Pbxes> pbxes, ObjectProvider<PbxCommands> pbx, String agent) {
        Pbxes every = pbxes.getIfAvailable();
        if (every != null) {
            return every.commandsForAgent(agent);
        }
        PbxCommands commands = pbx.getIfAvailable();
        if (commands == null) {
            throw new PbxUnavailableException();
        }
        return commands;
    }
}
