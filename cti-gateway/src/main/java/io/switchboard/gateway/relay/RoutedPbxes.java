package io.switchboard.gateway.relay;

import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.PbxName;
import io.switchboard.gateway.call.Pbxes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** {@link Pbxes} over this node's {@link PbxLinks}: each PBX's commands local or relayed to its link's owner. */
final class RoutedPbxes implements Pbxes {

    private final PbxLinks links;
    private final PbxRelay relay;
    private final Map<String, RoutedPbxCommands> commands = new LinkedHashMap<>();

    RoutedPbxes(PbxLinks links, PbxRelay relay) {
        this.links = links;
        this.relay = relay;
        for (AmiGateway pbx : links.all()) {
            commands.put(pbx.pbx(), new RoutedPbxCommands(pbx, relay));
        }
    }

    @Override
    public PbxCommands commands(String pbx) {
        RoutedPbxCommands found = commands.get(pbx);
        if (found == null) {
            throw new PbxCommandException("No PBX '" + pbx + "' is configured");
        }
        return found;
    }

    @Override
    public PbxCommands commandsForCall(String callId) {
        return commands(PbxCallIds.pbxOf(callId));
    }

    @Override
    public List<Trunk> trunks() {
        return links.trunks();
    }

    @Override
    public Map<String, Boolean> linksOwned() {
        return links.linksOwned();
    }

    /**
     * The PBX an agent as events name them is on ({@link PbxName}: {@code b:1001} is on {@code b}); a bare extension
     * when no PBX is called {@code default} (a caller that still passes the user's bare extension): the first PBX.
     */
    @Override
    public String pbxOfAgent(String agent) {
        String pbx = agent == null ? null : PbxName.of(agent).pbx();
        return pbx != null && commands.containsKey(pbx) ? pbx : links.primary().pbx();
    }

    /**
     * The links this node owns answer at once; the others' owners are asked all at the same time, and the first that
     * knows the call answers. When none knows it and one did not answer, that PBX's {@link
     * io.switchboard.gateway.call.PbxNotOwnedException} says the call may be there.
     */
    @Override
    public CompletableFuture<Optional<CallHandle>> callOf(String agent) {
        if (agent == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // 1001 on PBX a is not 1001 on PBX b: an agent named with their PBX is looked for there only, by the
        // extension that PBX knows; a bare extension on a list without a 'default' PBX, on every PBX as before
        PbxName named = PbxName.of(agent);
        List<AmiGateway> where = links.find(named.pbx()).map(List::of).orElseGet(links::all);
        String extension = named.name();
        List<CompletableFuture<Optional<CallHandle>>> asked = new ArrayList<>();
        for (AmiGateway pbx : where) {
            if (relay == null || pbx.ownsLink()) {
                Optional<CallHandle> call = pbx.ownsLink() ? pbx.handles().ofAgent(extension) : Optional.empty();
                if (call.isPresent()) {
                    return CompletableFuture.completedFuture(call);
                }
            } else {
                asked.add(commands.get(pbx.pbx()).run(new PbxCommand.FindCall(extension)));
            }
        }
        return firstFound(asked);
    }

    private static CompletableFuture<Optional<CallHandle>> firstFound(
            List<CompletableFuture<Optional<CallHandle>>> asked) {
        CompletableFuture<Optional<CallHandle>> result = new CompletableFuture<>();
        if (asked.isEmpty()) {
            result.complete(Optional.empty());
            return result;
        }
        AtomicInteger left = new AtomicInteger(asked.size());
        AtomicReference<Throwable> unanswered = new AtomicReference<>();
        for (CompletableFuture<Optional<CallHandle>> ask : asked) {
            ask.whenComplete((call, failure) -> {
                if (failure != null) {
                    unanswered.compareAndSet(
                            null,
                            failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause()
                                    : failure);
                } else if (call.isPresent()) {
                    result.complete(call);
                }
                if (left.decrementAndGet() == 0) {
                    if (unanswered.get() != null) {
                        result.completeExceptionally(unanswered.get());
                    } else {
                        result.complete(Optional.empty());
                    }
                }
            });
        }
        return result;
    }
}
