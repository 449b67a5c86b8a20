package io.switchboard.gateway.call;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What Switchboard asks of the PBX. Every command is asynchronous: the future completes when the PBX accepted it
 * and fails with a {@link PbxCommandException} carrying the PBX's reason when it refused or did not answer.
 */
public interface PbxCommands {

    /**
     * Rings the agent's phone and, once they pick up, dials {@code number} (click-to-dial, campaigns).
     *
     * @param variables channel variables for the dialplan (campaign and lead ids, for example)
     * @return the PBX's action id, which its later events about this originate carry
     */
    CompletableFuture<String> originate(String agent, String number, String callerId, Map<String, String> variables);

    /**
     * Customer first (campaigns): the PBX dials the request's number and, once the customer answers, sends the call
     * to the request's context and extension. The call is followed as an outbound call; when the PBX cannot reach
     * the customer, a {@link CallEvent.OriginateFailed} with this action id follows.
     *
     * @return the PBX's action id, which its later events about this originate carry
     */
    CompletableFuture<String> dial(DialRequest request);

    CompletableFuture<Void> hangup(String channel);

    /** Blind transfer: sends the channel to {@code exten} in {@code context}. */
    CompletableFuture<Void> redirect(String channel, String context, String exten);

    /**
     * Blind transfer to a target of the PBX's transfer context (an agent's extension or a queue's name): the
     * customer's channel leaves the agent and goes there (an AMI Redirect: Asterisk reports no transfer for it; the
     * call tracker sees the caller join the queue or dial the extension).
     */
    CompletableFuture<Void> transfer(String customerChannel, String target);

    /**
     * Attended transfer, first step (AMI Atxfer): the caller is held while the agent's channel consults {@code
     * target} in the transfer context. The agent's leg hanging up completes the transfer ({@link #hangup} of
     * {@code agentChannel}); {@link #cancelConsultation} ends the consultation instead.
     */
    CompletableFuture<Void> consult(String agentChannel, String target);

    /** Attended transfer abandoned (AMI CancelAtxfer): the consulted party is hung up, the agent is back. */
    CompletableFuture<Void> cancelConsultation(String agentChannel);

    CompletableFuture<Void> queueAdd(String queue, String agent, String memberName, boolean paused);

    CompletableFuture<Void> queueRemove(String queue, String agent);

    /** Pauses or resumes an agent in one queue, or in all their queues when {@code queue} is null. */
    CompletableFuture<Void> queuePause(String queue, String agent, boolean paused, String reason);
}
