package io.switchboard.outbound;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.DialableLead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leads agents have taken in preview mode and are looking at, until they dial them. Kept on the node that handed
 * them out (a lead left here without a dial is given back by the lead queue's stale release).
 */
public final class PreviewDesk {

    private static final Duration KEPT = Duration.ofHours(2);

    private record Taken(DialableLead lead, String username, Instant at) {}

    private final Map<AttemptId, Taken> taken = new ConcurrentHashMap<>();
    private final Clock clock;

    public PreviewDesk(Clock clock) {
        this.clock = clock;
    }

    public void hold(DialableLead lead, String username) {
        Instant now = clock.instant();
        taken.values().removeIf(old -> old.at().isBefore(now.minus(KEPT)));
        taken.put(lead.attemptId(), new Taken(lead, username, now));
    }

    /** The lead this user took for the attempt, removed from the desk: it is being dialled. */
    public Optional<DialableLead> takeForDial(AttemptId attemptId, String username) {
        Taken held = taken.get(attemptId);
        if (held == null || !held.username().equals(username)) {
            return Optional.empty();
        }
        return taken.remove(attemptId, held) ? Optional.of(held.lead()) : Optional.empty();
    }
}
