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
 */
final class AgentDirectory {

    private static final Duration NOBODY_TTL = Duration.ofSeconds(1);

    private final Directory directory;
    private final Cache<String, DirectoryUser> users;
    private final Cache<String, Boolean> nobody;

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
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DirectoryUser> found = directory.findByExtension(extension);
        found.ifPresentOrElse(user -> users.put(extension, user), () -> nobody.put(extension, Boolean.TRUE));
        return found;
    }
}
