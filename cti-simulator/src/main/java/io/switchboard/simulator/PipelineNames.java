package io.switchboard.simulator;

/** Names of the handlers in a manager session's pipeline. */
final class PipelineNames {

    static final String FRAME_DECODER = "ami-frame-decoder";
    static final String MESSAGE_ENCODER = "ami-message-encoder";
    static final String SESSION_LIFECYCLE = "ami-session-lifecycle";
    static final String MALFORMED_FRAMES = "ami-malformed-frames";
    static final String ACTIONS = "ami-actions";

    private PipelineNames() {}
}
