package io.switchboard.directory;

import java.sql.ResultSet;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams: who owns contacts, who sees what, and which user a ringing extension belongs to. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final TeamRepository teams;
    private final UserRepository users;
    private final NamedParameterJdbcTemplate jdbc;
    private final TeamScopes scopes;
    private final Clock clock;

    Directory(TeamRepository teams, UserRepository users, NamedParameterJdbcTemplate jdbc, TeamScopes scopes) {
        this.teams = teams;
        this.users = users;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = Clock.systemUTC();
    }

    /** Adds a team, or returns the existing one of that name. */
    @Transactional
    public TeamId team(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a team needs a name");
        }
        String trimmed = name.trim();
        return teams.findByName(trimmed)
                .orElseGet(() -> teams.save(new TeamEntity(trimmed)))
                .id();
    }

    /** Adds a user; the username must be new. */
    @Transactional
    public DirectoryUser add(NewUser user) {
        if (users.existsByUsername(user.username())) {
            throw new IllegalArgumentException("username '" + user.username() + "' is taken");
        }
        if (user.team() != null && !teams.existsById(user.team().value())) {
            throw new IllegalArgumentException("no team " + user.team().value());
        }
        return users.save(new UserEntity(user, clock.instant())).toUser();
    }

    public Optional<DirectoryUser> find(UserId id) {
        return users.findById(id.value()).map(UserEntity::toUser);
    }

    public Optional<DirectoryUser> findByUsername(String username) {
        return username == null
                ? Optional.empty()
                : users.findByUsername(username.trim()).map(UserEntity::toUser);
    }

    /**
     * The user as a viewer of data with their whole scope (a supervisor's assigned teams too, {@link TeamScopes}): for
     * work done on a user's behalf outside a request of theirs, such as a report mailed as they would see it.
     */
    public Viewer viewerOf(DirectoryUser user) {
        return scopes.viewer(user);
    }

    /** The user whose phone has this extension, e.g. the agent an {@code AgentRinging} event names. */
    public Optional<DirectoryUser> findByExtension(String extension) {
        return extension == null
                ? Optional.empty()
                : users.findByExtension(extension.trim()).map(UserEntity::toUser);
    }

    /**
     * The users with these extensions, by extension; extensions nobody has are left out. Plain SQL without a
     * transaction of its own: the call log asks this for every batch of ended calls, and through JPA each ask cost
     * more than the rest of writing the batch.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<String, DirectoryUser> findByExtensions(Collection<String> extensions) {
        if (extensions.isEmpty()) {
            return Map.of();
        }
        Map<String, DirectoryUser> found = new HashMap<>();
        jdbc.query(
                "select id, username, display_name, role, team_id, extension from users where extension in (:extensions)",
                Map.of("extensions", Set.copyOf(extensions)),
                (ResultSet row) -> {
                    Long team = row.getObject("team_id", Long.class);
                    DirectoryUser user = new DirectoryUser(
                            new UserId(row.getLong("id")),
                            row.getString("username"),
                            row.getString("display_name"),
                            Role.valueOf(row.getString("role")),
                            team == null ? null : new TeamId(team),
                            row.getString("extension"));
                    found.put(user.extension(), user);
                });
        return found;
    }

    /**
     * Every user with an extension, in one query: what ringing extensions are matched against, for a cache to hold
     * them all rather than ask user by user (a directory has thousands of users at most).
     */
    public List<DirectoryUser> withExtensions() {
        return users.findByExtensionIsNotNull().stream().map(UserEntity::toUser).toList();
    }

    /** Those of the users that exist, in no particular order. */
    public List<DirectoryUser> findAll(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return users.findAllById(ids.stream().map(UserId::value).collect(Collectors.toSet())).stream()
                .map(UserEntity::toUser)
                .toList();
    }

    /**
     * The supervisors of these teams, e.g. to tell them that a ticket reached their people: each team's own users
     * with the role SUPERVISOR and the supervisors assigned to it ({@link TeamAdministration#setSupervisors}).
     */
    public List<DirectoryUser> supervisorsOf(Collection<TeamId> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return users.findSupervisorsOf(teams.stream().map(TeamId::value).collect(Collectors.toSet())).stream()
                .map(UserEntity::toUser)
                .toList();
    }

    /** What logging in needs: the user, their password hash ({@code null} when none is set) and whether active. */
    public Optional<Credentials> credentials(String username) {
        return username == null
                ? Optional.empty()
                : users.findByUsername(username.trim())
                        .map(user -> new Credentials(user.toUser(), user.passwordHash(), user.active()));
    }

    /** Sets a user's password hash (never the password: hashing belongs to the security module). */
    @Transactional
    public void setPasswordHash(UserId id, String hash) {
        users.findById(id.value())
                .orElseThrow(() -> new IllegalArgumentException("no user " + id.value()))
                .passwordHash(hash);
    }
}
