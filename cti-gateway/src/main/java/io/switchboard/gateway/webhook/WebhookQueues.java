package io.switchboard.gateway.webhook;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which queue names webhook events may carry. Every name a call is queued in becomes a row of the supervisors'
 * wallboard and of today's statistics, kept for the day: names are checked (no control characters, no markup, at
 * most 64 characters) and either taken from the configured list or, with no list, accepted until {@code maxQueues}
 * distinct names were seen. Thread-safe: the HTTP threads read events in parallel.
 */
final class WebhookQueues {

    static final int MAX_NAME_LENGTH = 64;

    private static final Pattern NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@+-]{0," + (MAX_NAME_LENGTH - 1) + "}");

    private final Set<String> configured;
    private final int maxQueues;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    WebhookQueues(List<String> configured, int maxQueues) {
        this.configured = Set.copyOf(configured);
        this.maxQueues = maxQueues;
    }

    /** Any well-formed name, up to 100 of them: what an unconfigured webhook takes. */
    static WebhookQueues defaults() {
        return new WebhookQueues(List.of(), 100);
    }

    static boolean wellFormed(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Why the name cannot be used, or {@code null} when it can (and is now one of the known names). */
    String refusal(String name) {
        if (!wellFormed(name)) {
            return "must be 1-" + MAX_NAME_LENGTH + " letters, digits, spaces or ._@+- starting with a letter or digit";
        }
        if (!configured.isEmpty()) {
            return configured.contains(name) ? null : "is not one of the configured queues " + configured;
        }
        if (seen.contains(name)) {
            return null;
        }
        synchronized (seen) {
            if (seen.size() >= maxQueues) {
                return "is a new queue, and the webhook already has " + maxQueues
                        + " (switchboard.webhook.max-queues; or list them in switchboard.webhook.queues)";
            }
            seen.add(name);
            return null;
        }
    }
}
