package io.switchboard.gateway.relay;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.PbxCommands;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One PBX command as data, with its arguments: what a node that does not own a PBX's link sends to the owner, and
 * what the owner applies to its link. The same records run locally on the owner, so a command means one thing
 * wherever it was asked. On the wire the record's simple name says which command it is.
 *
 * @param <T> what the command answers: the PBX's action id (originate, dial), nothing, or the call an agent is on
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "command")
@JsonSubTypes({
    @JsonSubTypes.Type(PbxCommand.Originate.class),
    @JsonSubTypes.Type(PbxCommand.Dial.class),
    @JsonSubTypes.Type(PbxCommand.Hangup.class),
    @JsonSubTypes.Type(PbxCommand.Redirect.class),
    @JsonSubTypes.Type(PbxCommand.Transfer.class),
    @JsonSubTypes.Type(PbxCommand.Consult.class),
    @JsonSubTypes.Type(PbxCommand.CancelConsultation.class),
    @JsonSubTypes.Type(PbxCommand.QueueAdd.class),
    @JsonSubTypes.Type(PbxCommand.QueueRemove.class),
    @JsonSubTypes.Type(PbxCommand.QueuePause.class),
    @JsonSubTypes.Type(PbxCommand.FindCall.class)
})
public sealed interface PbxCommand<T> {

    /** Runs the command on a PBX link this node owns. */
    CompletableFuture<T> applyTo(AmiGateway pbx);

    /** The result as a reply carries it. */
    PbxReply.Result toResult(T value);

    /** The result out of a reply. */
    T fromResult(PbxReply.Result result);

    /** A short name for metrics and messages: the record's simple name. */
    static String nameOf(PbxCommand<?> command) {
        return command.getClass().getSimpleName();
    }

    /** A command the PBX answers with the action id its later events carry (originates). */
    sealed interface Originating extends PbxCommand<String> {
        @Override
        default PbxReply.Result toResult(String actionId) {
            return new PbxReply.Result(actionId, null);
        }

        @Override
        default String fromResult(PbxReply.Result result) {
            return result.actionId();
        }
    }

    /** A command that only succeeds or fails. */
    sealed interface Acting extends PbxCommand<Void> {
        @Override
        default CompletableFuture<Void> applyTo(AmiGateway pbx) {
            return on(pbx.commands());
        }

        CompletableFuture<Void> on(PbxCommands commands);

        @Override
        default PbxReply.Result toResult(Void nothing) {
            return PbxReply.Result.NONE;
        }

        @Override
        default Void fromResult(PbxReply.Result result) {
            return null;
        }
    }

    record Originate(String agent, String number, String callerId, Map<String, String> variables)
            implements Originating {
        @Override
        public CompletableFuture<String> applyTo(AmiGateway pbx) {
            return pbx.commands().originate(agent, number, callerId, variables);
        }
    }

    record Dial(DialRequest request) implements Originating {
        @Override
        public CompletableFuture<String> applyTo(AmiGateway pbx) {
            return pbx.commands().dial(request);
        }
    }

    record Hangup(String channel) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.hangup(channel);
        }
    }

    record Redirect(String channel, String context, String exten) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.redirect(channel, context, exten);
        }
    }

    record Transfer(String customerChannel, String target) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.transfer(customerChannel, target);
        }
    }

    record Consult(String agentChannel, String target) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.consult(agentChannel, target);
        }
    }

    record CancelConsultation(String agentChannel) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.cancelConsultation(agentChannel);
        }
    }

    record QueueAdd(String queue, String agent, String memberName, boolean paused) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.queueAdd(queue, agent, memberName, paused);
        }
    }

    record QueueRemove(String queue, String agent) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.queueRemove(queue, agent);
        }
    }

    record QueuePause(String queue, String agent, boolean paused, String reason) implements Acting {
        @Override
        public CompletableFuture<Void> on(PbxCommands commands) {
            return commands.queuePause(queue, agent, paused, reason);
        }
    }

    /** Not a PBX action: the call the agent is on, as the owner's tracker knows it (call control's first step). */
    record FindCall(String agent) implements PbxCommand<Optional<CallHandle>> {
        @Override
        public CompletableFuture<Optional<CallHandle>> applyTo(AmiGateway pbx) {
            return CompletableFuture.completedFuture(pbx.handles().ofAgent(agent));
        }

        @Override
        public PbxReply.Result toResult(Optional<CallHandle> call) {
            return new PbxReply.Result(null, call.orElse(null));
        }

        @Override
        public Optional<CallHandle> fromResult(PbxReply.Result result) {
            return Optional.ofNullable(result.call());
        }
    }
}
