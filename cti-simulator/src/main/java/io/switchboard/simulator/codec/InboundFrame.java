package io.switchboard.simulator.codec;

/** What the frame decoder hands on: a well-formed message, or a report of a frame it had to reject. */
public sealed interface InboundFrame permits AmiMessage, MalformedFrame {}
