package io.switchboard.directory;

import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxName;
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

    /**
     * SQL for the agent a row of {@code users} is as call rows name them ({@link DirectoryUser#agent}), for joining
     * {@code agent_extension} columns to users: {@code <pbx>:<extension>}, the bare extension on the default PBX.
     *
     * @param alias the alias of {@code users} in the query
     */
    public static String agentSql(String alias) {
        return "(case when " + alias + ".pbx = '" + PbxCallIds.DEFAULT_PBX + "' then " + alias + ".extension else "
                + alias + ".pbx || ':' || " + alias + ".extension end)";
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

    /**
     * The user an agent of the call events is: {@code agent} as events name them ({@link PbxName#key}: {@code b:1001}
     * is extension 1001 on PBX {@code b}, a bare {@code 1001} is on the default PBX), e.g. the agent an {@code
     * AgentRinging} event names. 1001 on PBX {@code a} is somebody else.
     */
    public Optional<DirectoryUser> findByExtension(String agent) {
        return agent == null || agent.isBlank() ? Optional.empty() : findByPhone(PbxName.of(agent.trim()));
    }

    /** The user whose phone is this extension on this PBX. */
    public Optional<DirectoryUser> findByPhone(PbxName phone) {
        return users.findByPbxAndExtension(phone.pbx(), phone.name()).map(UserEntity::toUser);
    }

    /**
     * The PBX of a user's extension and the extension there, empty for an unknown user or one without a phone: where
     * commands for this agent go (click-to-dial, queue log-in and out, pause). The PBX's interface for the agent is
     * that PBX's {@code switchboard.ami.agent-interface} with this extension.
     */
    public Optional<PbxName> phoneOf(String username) {
        return findByUsername(username).flatMap(DirectoryUser::phone);
    }

    /**
     * The users these agents of the call events are ({@link #findByExtension}), by that same key; agents nobody is are
     * left out. Plain SQL without a transaction of its own: the call log asks this for every batch of ended calls,
     * and through JPA each ask cost more than the rest of writing the batch.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<String, DirectoryUser> findByExtensions(Collection<String> agents) {
        if (agents.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = Set.copyOf(agents);
        Set<String> extensions =
                wanted.stream().map(agent -> PbxName.of(agent).name()).collect(Collectors.toSet());
        Map<String, DirectoryUser> found = new HashMap<>();
        jdbc.query(
                "select id, username, display_name, role, team_id, extension, pbx from users where extension in (:extensions)",
                Map.of("extensions", extensions),
                (ResultSet row) -> {
                    Long team = row.getObject("team_id", Long.class);
                    DirectoryUser user = new DirectoryUser(
                            new UserId(row.getLong("id")),
                            row.getString("username"),
                            row.getString("display_name"),
                            Role.valueOf(row.getString("role")),
                            team == null ? null : new TeamId(team),
                            row.getString("extension"),
                            row.getString("pbx"));
                    if (wanted.contains(user.agent())) { // 1001 on another PBX is somebody else
                        found.put(user.agent(), user);
                    }
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
