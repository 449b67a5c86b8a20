package io.switchboard.simulator;

import java.nio.charset.StandardCharsets;

/** The channel states that appear in the traces, with Asterisk's numbers and descriptions. */
enum ChannelState {
    DOWN(0, "Down"),
    RING(4, "Ring"),
    RINGING(5, "Ringing"),
    UP(6, "Up");

    final int code;
    final String description;
    final byte[] codeBytes;
    final byte[] descriptionBytes;

    ChannelState(int code, String description) {
        this.code = code;
        this.description = description;
        this.codeBytes = Integer.toString(code).getBytes(StandardCharsets.US_ASCII);
        this.descriptionBytes = description.getBytes(StandardCharsets.US_ASCII);
    }
}
