package io.switchboard.simulator;

import io.switchboard.simulator.codec.AmiMessage;

/** A channel's standard fields as message fields, for list items built as {@link AmiMessage}s. */
final class ChannelFields {

    private ChannelFields() {}

    static void addTo(AmiMessage.Builder message, String prefix, SimChannel channel) {
        message.add(prefix + "Channel", channel.name)
                .add(prefix + "ChannelState", channel.state().code)
                .add(prefix + "ChannelStateDesc", channel.state().description)
                .add(prefix + "CallerIDNum", channel.callerIdNum())
                .add(prefix + "CallerIDName", channel.callerIdName())
                .add(prefix + "ConnectedLineNum", channel.connectedNum())
                .add(prefix + "ConnectedLineName", channel.connectedName())
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", channel.context())
                .add(prefix + "Exten", channel.exten())
                .add(prefix + "Priority", channel.priority())
                .add(prefix + "Uniqueid", channel.uniqueid)
                .add(prefix + "Linkedid", channel.linkedid());
    }
}
