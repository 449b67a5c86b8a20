package io.switchboard.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Answered calls per agent extension, compact: for each agent (in extension order) the extension's UTF-8 length
 * and bytes, then the calls, lengths and calls as unsigned varints. A queue's quarter hour with 60 agents is a few
 * hundred bytes in its row instead of 60 rows.
 */
public final class AgentCounts {

    /** Receives one agent's count. */
    @FunctionalInterface
    public interface Entry {
        void accept(String agentExtension, int calls);
    }

    private AgentCounts() {}

    static byte[] encode(NavigableMap<String, Integer> callsByAgent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(callsByAgent.size() * 8);
        for (Map.Entry<String, Integer> entry : callsByAgent.entrySet()) {
            byte[] extension = entry.getKey().getBytes(StandardCharsets.UTF_8);
            Varints.write(out, extension.length);
            out.write(extension, 0, extension.length);
            Varints.write(out, entry.getValue());
        }
        return out.toByteArray();
    }

    /** Calls {@code into} for every agent, in extension order. */
    public static void decode(byte[] bytes, Entry into) {
        int[] at = {0};
        while (at[0] < bytes.length) {
            int length = Varints.read(bytes, at);
            String extension = new String(bytes, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
            into.accept(extension, Varints.read(bytes, at));
        }
    }
}
