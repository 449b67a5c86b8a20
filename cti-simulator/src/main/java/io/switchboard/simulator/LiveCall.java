package io.switchboard.simulator;

/** A call in progress that manager actions can act on. Methods run on the PBX thread. */
interface LiveCall {

    /** Ends the call now with cause 16, whatever it is doing (the {@code Hangup} action). */
    void hangupByAction();

    /**
     * Sends the caller to another agent extension (the {@code Redirect} action) as a blind transfer.
     *
     * @return false when the call is not in a state that can be transferred
     */
    boolean redirect(String context, String extension);

    /** The {@code Hangup} action on one of the call's channels; most calls end whichever it is. */
    default void hangupByAction(String channelName) {
        hangupByAction();
    }

    /** The {@code Atxfer} action on the agent's channel: consult {@code extension}; false when it cannot. */
    default boolean consult(String agentChannel, String extension) {
        return false;
    }

    /** The {@code CancelAtxfer} action; false when the channel is consulting nobody. */
    default boolean cancelConsultation(String agentChannel) {
        return false;
    }
}
