package io.switchboard.cluster;

import io.switchboard.gateway.cluster.NodeId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One message as a PostgreSQL notification's payload: a header line, then the message's own payload. The header
 * carries the node and a per-node sequence number, which also keeps two equal messages from being merged into one
 * (PostgreSQL delivers identical notifications of one transaction once). A message too large for a notification
 * travels through {@code cluster_messages}: its header then ends in {@code @<row id>} and no payload follows.
 *
 * <pre>{@code v1 <node> <sequence> <sent epoch millis> <topic>[ @<row id>]\n<payload>}</pre>
 */
record Notification(NodeId node, long sequence, Instant sentAt, String topic, Long storedId, String payload) {

    static final String CHANNEL = "switchboard_cluster";
    /** PostgreSQL refuses a notification payload of 8000 bytes or more (its default page size). */
    static final int MAX_BYTES = 7999;

    String header() {
        return "v1 " + node.value() + " " + sequence + " " + sentAt.toEpochMilli() + " " + topic
                + (storedId == null ? "" : " @" + storedId);
    }

    String text() {
        return header() + "\n" + (payload == null ? "" : payload);
    }

    boolean fits() {
        return text().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    Notification stored(long id) {
        return new Notification(node, sequence, sentAt, topic, id, null);
    }

    Notification withPayload(String loaded) {
        return new Notification(node, sequence, sentAt, topic, storedId, loaded);
    }

    /** The notification in {@code text}; an {@link IllegalArgumentException} when it is not one of ours. */
    static Notification parse(String text) {
        int newline = text.indexOf('\n');
        if (newline < 0) {
            throw new IllegalArgumentException("no header line");
        }
        String[] header = text.substring(0, newline).split(" ");
        if (header.length < 5 || header.length > 6 || !header[0].equals("v1")) {
            throw new IllegalArgumentException("not a v1 header: " + text.substring(0, Math.min(newline, 80)));
        }
        Long stored = null;
        if (header.length == 6) {
            if (!header[5].startsWith("@")) {
                throw new IllegalArgumentException("bad stored message reference " + header[5]);
            }
            stored = Long.parseLong(header[5].substring(1));
        }
        return new Notification(
                new NodeId(header[1]),
                Long.parseLong(header[2]),
                Instant.ofEpochMilli(Long.parseLong(header[3])),
                header[4],
                stored,
                stored == null ? text.substring(newline + 1) : null);
    }
}
