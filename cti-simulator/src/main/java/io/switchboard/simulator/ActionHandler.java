package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.switchboard.simulator.codec.AmiMessage;

/** Handles one manager action for a session; writes its response (and list events) to {@code session}. */
@FunctionalInterface
interface ActionHandler {

    void handle(Channel session, AmiMessage action);
}
