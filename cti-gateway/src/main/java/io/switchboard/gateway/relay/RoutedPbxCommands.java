package io.switchboard.gateway.relay;

import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.PbxCommands;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One PBX's commands from any node: sent on this node's AMI session while it owns the link, relayed to the owner
 * otherwise. Decided per command, so a command made just after the link moved goes where the link is now.
 */
final class RoutedPbxCommands implements PbxCommands {

    private final AmiGateway pbx;
    private final PbxRelay relay;

    /** @param relay null without a cluster bus: a PBX this node does not own then refuses at once, as before */
    RoutedPbxCommands(AmiGateway pbx, PbxRelay relay) {
        this.pbx = pbx;
        this.relay = relay;
    }

    <T> CompletableFuture<T> run(PbxCommand<T> command) {
        if (relay == null || pbx.ownsLink()) {
            return command.applyTo(pbx);
        }
        return relay.send(pbx.pbx(), command);
    }

    @Override
    public CompletableFuture<String> originate(
            String agent, String number, String callerId, Map<String, String> variables) {
        return run(new PbxCommand.Originate(agent, number, callerId, variables));
    }

    @Override
    public CompletableFuture<String> dial(DialRequest request) {
        return run(new PbxCommand.Dial(request));
    }

    @Override
    public CompletableFuture<Void> hangup(String channel) {
        return run(new PbxCommand.Hangup(channel));
    }

    @Override
    public CompletableFuture<Void> redirect(String channel, String context, String exten) {
        return run(new PbxCommand.Redirect(channel, context, exten));
    }

    @Override
    public CompletableFuture<Void> transfer(String customerChannel, String target) {
        return run(new PbxCommand.Transfer(customerChannel, target));
    }

    @Override
    public CompletableFuture<Void> consult(String agentChannel, String target) {
        return run(new PbxCommand.Consult(agentChannel, target));
    }

    @Override
    public CompletableFuture<Void> cancelConsultation(String agentChannel) {
        return run(new PbxCommand.CancelConsultation(agentChannel));
    }

    @Override
    public CompletableFuture<Void> queueAdd(String queue, String agent, String memberName, boolean paused) {
        return run(new PbxCommand.QueueAdd(queue, agent, memberName, paused));
    }

    @Override
    public CompletableFuture<Void> queueRemove(String queue, String agent) {
        return run(new PbxCommand.QueueRemove(queue, agent));
    }

    @Override
    public CompletableFuture<Void> queuePause(String queue, String agent, boolean paused, String reason) {
        return run(new PbxCommand.QueuePause(queue, agent, paused, reason));
    }
}
