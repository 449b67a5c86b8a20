package io.switchboard.gateway.livesync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers the parts of each snapshot as they arrive, on the bus's thread. A snapshot a part of which was lost on the
 * bus is never complete: it is dropped after {@link #KEEP} and the next ask brings a whole one.
 */
final class SnapshotParts {

    static final Duration KEEP = Duration.ofSeconds(30);

    private record Gathering(long sinceNanos, List<LinkSnapshot> parts) {}

    private final Map<String, Gathering> gathering = new ConcurrentHashMap<>();

    /** Every part of the snapshot once {@code part} completes it; empty until then. */
    Optional<List<LinkSnapshot>> add(LinkSnapshot part) {
        long now = System.nanoTime();
        gathering.values().removeIf(old -> now - old.sinceNanos() > KEEP.toNanos());
        Gathering snapshot = gathering.computeIfAbsent(part.id(), id -> new Gathering(now, new ArrayList<>()));
        snapshot.parts().add(part);
        if (snapshot.parts().size() < part.parts()) {
            return Optional.empty();
        }
        gathering.remove(part.id());
        return Optional.of(List.copyOf(snapshot.parts()));
    }
}
