package io.switchboard.gateway.relay;

import io.switchboard.gateway.call.CallHandles.CallHandle;

/**
 * The owner's answer to a {@link PbxRequest}, on the {@link PbxRelay#REPLIES} topic, addressed to the node that asked.
 *
 * @param to the node that asked; other nodes ignore the reply
 * @param outcome how the command went on the owner
 * @param result what a command that went through answers
 * @param message the PBX's (or the owner's) reason when it did not go through
 */
public record PbxReply(String id, String to, String pbx, Outcome outcome, Result result, String message) {

    /** How a command went on the owner, as the local command's future would have ended. */
    public enum Outcome {
        /** Done: the PBX accepted it. */
        DONE,
        /** The PBX refused it or its link failed it: a {@link io.switchboard.gateway.call.PbxCommandException}. */
        REFUSED,
        /** The owner lost the link while sending it. */
        NOT_OWNED,
        /** An argument the PBX must never get (a line break): an {@link IllegalArgumentException}. */
        INVALID,
        /** The PBX did not answer within the owner's {@code switchboard.ami.response-timeout}. */
        PBX_TIMEOUT
    }

    /** A command's result: the PBX's action id of an originate, the call an agent is on. */
    public record Result(String actionId, CallHandle call) {
        public static final Result NONE = new Result(null, null);
    }
}
