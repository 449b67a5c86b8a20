package io.switchboard.gateway.cluster;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which application node this is: from {@code switchboard.cluster.node-id}, or made up at start (the host's name and a
 * random suffix) so that two nodes never share one. It travels in every cluster message, so a node can tell its own
 * messages from the others'; it is also what health details and metrics show.
 */
public record NodeId(String value) {

    /** Short and plain: it is written into every message's header and shown in health details. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public NodeId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "A node id is 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit, got: "
                            + value);
        }
    }

    /** A node id no other node has: {@code prefix-} and eight random hex digits. */
    public static NodeId generated(String prefix) {
        String base = prefix == null ? "" : prefix.replaceAll("[^A-Za-z0-9._-]", "");
        if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
            base = "node";
        }
        base = base.length() > 50 ? base.substring(0, 50) : base;
        return new NodeId(base + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public String toString() {
        return value;
    }
}
