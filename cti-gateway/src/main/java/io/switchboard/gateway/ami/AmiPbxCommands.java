package io.switchboard.gateway.ami;

import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.PbxNotOwnedException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.response.ManagerError;

/**
 * {@link PbxCommands} as AMI actions. Actions are sent with Asterisk-Java's callback API, so no caller thread
 * blocks on the PBX and nothing is ever sent from the event listener thread.
 */
final class AmiPbxCommands implements PbxCommands {

    private final AmiLink link;
    private final AmiProperties properties;

    AmiPbxCommands(AmiLink link, AmiProperties properties) {
        this.link = link;
        this.properties = properties;
    }

    @Override
    public CompletableFuture<String> originate(
            String agent, String number, String callerId, Map<String, String> variables) {
        oneLine(agent, number, callerId);
        if (variables != null) {
            variables.forEach((name, value) -> oneLine(name, value));
        }
        OriginateAction action = new OriginateAction();
        action.setChannel(properties.forAgent(properties.agentChannel(), agent));
        action.setContext(properties.outboundContext());
        action.setExten(number);
        action.setPriority(1);
        action.setCallerId(callerId);
        action.setVariables(variables);
        action.setAsync(true);
        action.setTimeout(30_000L);
        return sendOriginate(action);
    }

    @Override
    public CompletableFuture<String> dial(DialRequest request) {
        oneLine(request.number(), request.callerId(), request.context(), request.exten());
        request.variables().forEach((name, value) -> oneLine(name, value));
        OriginateAction action = new OriginateAction();
        action.setChannel("Local/" + request.number() + "@" + properties.dialContext());
        action.setContext(request.context());
        action.setExten(request.exten());
        action.setPriority(1);
        action.setCallerId(request.callerId());
        action.setVariables(request.variables());
        action.setAsync(true);
        action.setTimeout(request.ringTimeout().toMillis());
        return sendOriginate(action);
    }

    private CompletableFuture<String> sendOriginate(OriginateAction action) {
        String actionId = "sb-" + UUID.randomUUID();
        action.setActionId(actionId);
        return send(action).thenApply(ignored -> actionId);
    }

    @Override
    public CompletableFuture<Void> hangup(String channel) {
        oneLine(channel);
        return send(new HangupAction(channel));
    }

    @Override
    public CompletableFuture<Void> redirect(String channel, String context, String exten) {
        oneLine(channel, context, exten);
        return send(new RedirectAction(channel, context, exten, 1));
    }

    @Override
    public CompletableFuture<Void> transfer(String customerChannel, String target) {
        return redirect(customerChannel, properties.transferContext(), target);
    }

    @Override
    public CompletableFuture<Void> consult(String agentChannel, String target) {
        oneLine(agentChannel, target);
        // Asterisk queues the features.conf atxfer code and the digits as DTMF on the channel: the PBX needs an
        // atxfer feature code (features.conf [featuremap] atxfer) or it refuses the action
        return send(new AtxferAction(agentChannel, properties.transferContext(), target, 1));
    }

    @Override
    public CompletableFuture<Void> cancelConsultation(String agentChannel) {
        oneLine(agentChannel);
        return send(new CancelAtxferAction(agentChannel));
    }

    @Override
    public CompletableFuture<Void> queueAdd(String queue, String agent, String memberName, boolean paused) {
        oneLine(queue, agent, memberName);
        QueueAddAction action = new QueueAddAction(queue, interfaceOf(agent));
        action.setMemberName(memberName);
        action.setPaused(paused);
        action.setStateInterface(properties.forAgent(properties.agentStateInterface(), agent));
        return send(action);
    }

    @Override
    public CompletableFuture<Void> queueRemove(String queue, String agent) {
        oneLine(queue, agent);
        return send(new QueueRemoveAction(queue, interfaceOf(agent)));
    }

    @Override
    public CompletableFuture<Void> queuePause(String queue, String agent, boolean paused, String reason) {
        oneLine(queue, agent, reason);
        QueuePauseAction action = queue == null
                ? new QueuePauseAction(interfaceOf(agent), paused)
                : new QueuePauseAction(interfaceOf(agent), queue, paused);
        action.setReason(reason);
        return send(action);
    }

    /**
     * AMI is a line protocol and Asterisk-Java does not escape line breaks: a value with one would end this action's
     * field and inject further lines (another action, with this account's rights). Refused here whatever the caller.
     */
    private static void oneLine(String... values) {
        for (String value : values) {
            if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("a PBX command field must be a single line");
            }
        }
    }

    private String interfaceOf(String agent) {
        return properties.forAgent(properties.agentInterface(), agent);
    }

    private CompletableFuture<Void> send(ManagerAction action) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        ManagerConnection connection = link.connection();
        if (!link.owned()) {
            result.completeExceptionally(new PbxNotOwnedException(link.id(), action.getAction()));
            return result;
        }
        if (connection == null) {
            result.completeExceptionally(
                    new PbxCommandException("The PBX link is down; " + action.getAction() + " was not sent"));
            return result;
        }
        try {
            connection.sendAction(action, response -> {
                if (response == null) {
                    // Asterisk-Java answers pending actions with null when the link drops before the response
                    result.completeExceptionally(
                            new PbxCommandException(action.getAction() + " got no response: the PBX link dropped"));
                } else if (response instanceof ManagerError) {
                    result.completeExceptionally(new PbxCommandException(
                            action.getAction() + " refused by the PBX: " + response.getMessage()));
                } else {
                    result.complete(null);
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(new PbxCommandException(action.getAction() + " could not be sent", e));
        }
        long timeout = properties.responseTimeout().toMillis();
        // a PBX that never answers is a PBX failure like a refusal (502 for the API), not a bare TimeoutException
        return result.orTimeout(timeout, TimeUnit.MILLISECONDS).exceptionallyCompose(failure -> {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(
                    cause instanceof TimeoutException
                            ? new PbxCommandException(
                                    action.getAction() + " got no response from the PBX within " + timeout + " ms")
                            : cause);
        });
    }
}
