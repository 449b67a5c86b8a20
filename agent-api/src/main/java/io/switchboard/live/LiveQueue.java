package io.switchboard.live;

import java.time.Instant;

/**
 * A queue right now.
 *
 * @param longestWaitingSince when the caller waiting longest joined; {@code null} when nobody waits
 */
public record LiveQueue(String name, int waiting, Instant longestWaitingSince, Instant updatedAt) {}
