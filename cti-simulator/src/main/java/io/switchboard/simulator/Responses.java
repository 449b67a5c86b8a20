package io.switchboard.simulator;

import io.switchboard.simulator.codec.AmiMessage;

/** Action responses in Asterisk's layout: {@code Response}, then {@code ActionID}, then the rest. */
final class Responses {

    private Responses() {}

    static AmiMessage.Builder success(AmiMessage action) {
        return AmiMessage.builder().add("Response", "Success").actionId(action.actionId());
    }

    static AmiMessage success(AmiMessage action, String message) {
        return success(action).add("Message", message).build();
    }

    static AmiMessage error(AmiMessage action, String message) {
        return AmiMessage.builder()
                .add("Response", "Error")
                .actionId(action.actionId())
                .add("Message", message)
                .build();
    }

    /** The first response of a list action; the items and a {@code ...Complete} event follow. */
    static AmiMessage listStart(AmiMessage action, String message) {
        return success(action).add("EventList", "start").add("Message", message).build();
    }

    /** The event that closes a list, with the number of items sent. */
    static AmiMessage listComplete(AmiMessage action, String event, int items) {
        return AmiMessage.builder()
                .add("Event", event)
                .actionId(action.actionId())
                .add("EventList", "Complete")
                .add("ListItems", items)
                .build();
    }
}
