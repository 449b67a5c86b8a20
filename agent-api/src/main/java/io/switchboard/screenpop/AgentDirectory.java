package io.switchboard.screenpop;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import java.time.Duration;
import java.util.Optional;

/**
 * Which user an extension belongs to, remembered briefly: every ring and every agent state change asks, and the
 * answer changes only when an admin edits a user. "Nobody" is remembered for a second only, so a user just added
 * gets their pops at once.
 *
 * <p>An extension not remembered loads every user with an extension in one query (at most once a second), not just
 * its own user: after a start, or when the entries expire, a thousand agents' first rings would otherwise each wait
 * for a query of their own, all within the same minute.
 */
final class AgentDirectory {

    private static final Duration NOBODY_TTL = Duration.ofSeconds(1);
    private static final long RELOAD_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final Directory directory;
    private final Cache<String, DirectoryUser> users;
    private final Cache<String, Boolean> nobody;
    /** When everybody was last loaded ({@link System#nanoTime}); guarded by {@code this}. */
    private long loadedAt = System.nanoTime() - RELOAD_EVERY_NANOS;

    AgentDirectory(Directory directory, Duration ttl) {
        this.directory = directory;
        this.users =
                Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
        this.nobody = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(NOBODY_TTL)
                .build();
    }

    Optional<DirectoryUser> userOf(String extension) {
        if (extension == null || nobody.getIfPresent(extension) != null) {
            return Optional.empty();
        }
        DirectoryUser known = users.getIfPresent(extension);
        if (known == null) {
            loadEverybody();
            known = users.getIfPresent(extension);
        }
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DirectoryUser> found = directory.findByExtension(extension);
        found.ifPresentOrElse(user -> users.put(extension, user), () -> nobody.put(extension, Boolean.TRUE));
        return found;
    }

    /**
     * Forgets every user: an admin changed one (an extension moved, a user was added or deactivated), and the next
     * ring must see it, not an answer remembered for minutes. The next lookup loads everybody again.
     */
    synchronized void forget() {
        users.invalidateAll();
        nobody.invalidateAll();
        loadedAt = System.nanoTime() - RELOAD_EVERY_NANOS;
    }

    /** Loads every user with an extension, unless that was done less than a second ago. */
    synchronized void loadEverybody() {
        if (System.nanoTime() - loadedAt < RELOAD_EVERY_NANOS) {
            return;
        }
        directory.withExtensions().forEach(user -> users.put(user.agent(), user));
        loadedAt = System.nanoTime();
    }
}
