package io.switchboard.campaign.dialer;

import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.Pbxes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The {@code default} PBX alone, without a trunk limit: its commands asked for on each dial, as a link's are. */
record OnePbx(Supplier<PbxCommands> commands) implements Pbxes {

    @Override
    public CompletableFuture<Optional<CallHandle>> callOf(String agent) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public String pbxOfAgent(String agent) {
        return PbxCallIds.DEFAULT_PBX;
    }

    @Override
    public PbxCommands commandsForCall(String callId) {
        return commands.get();
    }

    @Override
    public PbxCommands commands(String pbx) {
        return commands.get();
    }

    @Override
    public List<Trunk> trunks() {
        return List.of(new Trunk(PbxCallIds.DEFAULT_PBX, 0));
    }
}
