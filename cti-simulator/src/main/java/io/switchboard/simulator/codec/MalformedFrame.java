package io.switchboard.simulator.codec;

import java.util.Optional;

/**
 * A frame the decoder rejected. The first problem found is reported; {@code actionId} is present when the frame
 * carried a readable {@code ActionID} line, so the session can answer the action with an error.
 */
public record MalformedFrame(MalformedReason reason, Optional<String> actionId) implements InboundFrame {}
