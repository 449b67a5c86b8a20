package io.switchboard.api;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.security.SwitchboardUser;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Which agents' live data a user may see, by extension: an agent their own, a supervisor those of the teams in their
 * scope ({@link io.switchboard.directory.Viewer#teams()}: their own and those they supervise), an admin everyone's.
 */
@Component
class ExtensionScope {

    private final Directory directory;

    ExtensionScope(Directory directory) {
        this.directory = directory;
    }

    /** @param onBoard the extensions in question, resolved to users in one query */
    Predicate<String> of(SwitchboardUser me, Collection<String> onBoard) {
        DirectoryUser user = me.user();
        if (user.role() == Role.ADMIN) {
            return extension -> true;
        }
        Viewer viewer = me.viewer();
        if (user.role() == Role.SUPERVISOR && !viewer.teams().isEmpty()) {
            Map<String, DirectoryUser> users = directory.findByExtensions(
                    onBoard.stream().filter(Objects::nonNull).toList());
            return extension -> extension != null
                    && (extension.equals(user.agent())
                            || (users.containsKey(extension)
                                    && viewer.inTeam(users.get(extension).team())));
        }
        return extension -> extension != null && extension.equals(user.agent());
    }
}
