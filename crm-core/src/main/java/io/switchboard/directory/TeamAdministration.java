package io.switchboard.directory;

import io.switchboard.gateway.call.ConfiguredPbxes;
import io.switchboard.gateway.call.PbxName;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to teams: create, rename, delete an empty one, say which queues it works and who supervises it. A
 * team's supervisors are its own users with the role SUPERVISOR (set on the user) and the supervisors of other teams
 * an admin assigns to it ({@link #setSupervisors}; {@link TeamScopes} puts the team in their scope). Every change is
 * audited.
 */
@Service
@Transactional(readOnly = true)
public class TeamAdministration {

    /** A queue's name, after its PBX's id and a colon on any PBX but the default one ({@code b:support}). */
    private static final Pattern QUEUE = Pattern.compile("([A-Za-z0-9_-]{1,40}:)?[A-Za-z0-9._-]{1,80}");

    private final TeamRepository teams;
    private final UserRepository users;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ConfiguredPbxes pbxes;

    TeamAdministration(
            TeamRepository teams,
            UserRepository users,
            NamedParameterJdbcTemplate jdbc,
            AuditLog audit,
            ApplicationEventPublisher events,
            ObjectProvider<ConfiguredPbxes> pbxes) {
        this.teams = teams;
        this.users = users;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.pbxes = pbxes.getIfAvailable(ConfiguredPbxes::single);
    }

    /** Every team, by name. */
    public List<TeamView> list() {
        return teams.findAll(Sort.by("name")).stream().map(this::view).toList();
    }

    public TeamView get(long id) {
        return view(entity(id));
    }

    /** The queues the team works, by name; empty for {@code null} or a team without any. */
    public List<String> queuesOf(TeamId team) {
        return team == null ? List.of() : queuesOf(Set.of(team));
    }

    /** The queues any of these teams works (a supervisor's scope), by name; empty when none has any. */
    public List<String> queuesOf(Collection<TeamId> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(
                "select distinct queue from team_queues where team_id in (:teams) order by queue",
                Map.of("teams", teams.stream().map(TeamId::value).collect(Collectors.toSet())),
                String.class);
    }

    @Transactional
    public TeamView create(String name, Viewer actor) {
        String clean = name(name);
        if (teams.findByName(clean).isPresent()) {
            throw new DirectoryConflictException("name", "a team named '" + clean + "' exists");
        }
        TeamView created = view(teams.saveAndFlush(new TeamEntity(clean)));
        audit.record(actor, "team.created", "team", created.id(), null, created);
        return created;
    }

    @Transactional
    public TeamView rename(long id, String name, Viewer actor) {
        TeamEntity team = entity(id);
        String clean = name(name);
        teams.findByName(clean).filter(other -> other.id().value() != id).ifPresent(other -> {
            throw new DirectoryConflictException("name", "a team named '" + clean + "' exists");
        });
        TeamView before = view(team);
        team.rename(clean);
        TeamView after = view(teams.saveAndFlush(team));
        audit.record(actor, "team.renamed", "team", id, before, after);
        return after;
    }

    /** Deletes a team nobody belongs to any more and no contact is shared with. */
    @Transactional
    public void delete(long id, Viewer actor) {
        TeamEntity team = entity(id);
        long members = users.countByTeamId(id);
        if (members > 0) {
            throw new DirectoryConflictException(
                    "team", "team '" + team.name() + "' still has " + members + " member(s); move them first");
        }
        // contacts shared with the team keep its id (their visibility depends on it): the team stays while they do
        Long contacts = jdbc.queryForObject(
                "select count(*) from contacts where team_id = :team", Map.of("team", id), Long.class);
        if (contacts != null && contacts > 0) {
            throw new DirectoryConflictException(
                    "team",
                    "team '" + team.name() + "' still shares " + contacts
                            + " contact(s); give them another team first");
        }
        TeamView before = view(team);
        teams.delete(team);
        teams.flush();
        audit.record(actor, "team.deleted", "team", id, before, null);
    }

    /** Replaces the queues the team works. */
    @Transactional
    public TeamView setQueues(long id, Collection<String> queues, Viewer actor) {
        TeamEntity team = entity(id);
        Set<String> clean = new LinkedHashSet<>();
        for (String queue : queues == null ? List.<String>of() : queues) {
            String name = queue == null ? "" : queue.strip();
            if (!QUEUE.matcher(name).matches() || name.length() > 80) {
                throw new InvalidUserException(
                        "queues",
                        "a queue name is 1 to 80 letters, digits, '.', '_' or '-'"
                                + (pbxes.several() ? ", after its PBX and a colon (b:support)" : "") + ": " + queue);
            }
            // a queue is on one PBX: support on PBX a and on PBX b are two queues, each worked by its own teams
            String pbx = PbxName.of(name).pbx();
            if (!pbxes.isKnown(pbx)) {
                throw new InvalidUserException(
                        "queues",
                        "queue " + queue + " is on no configured PBX; write it <pbx>:<queue>, the PBXes being "
                                + String.join(", ", pbxes.ids()));
            }
            clean.add(name);
        }
        TeamView before = view(team);
        jdbc.update("delete from team_queues where team_id = :team", Map.of("team", id));
        for (String queue : clean) {
            jdbc.update(
                    "insert into team_queues (team_id, queue) values (:team, :queue)",
                    Map.of("team", id, "queue", queue));
        }
        TeamView after = view(team);
        audit.record(actor, "team.queues", "team", id, before, after);
        return after;
    }

    /**
     * Replaces the supervisors assigned to the team (its own supervisors supervise it anyway). Each must be a user
     * with the role SUPERVISOR. The change applies to their scope once committed ({@link TeamSupervisorsChanged}).
     *
     * @throws InvalidUserException a username nobody has, or a user who is not a supervisor (field {@code supervisors})
     */
    @Transactional
    public TeamView setSupervisors(long id, Collection<String> usernames, Viewer actor) {
        TeamEntity team = entity(id);
        Set<Long> assigned = new LinkedHashSet<>();
        for (String username : usernames == null ? List.<String>of() : usernames) {
            String name = username == null ? "" : username.strip();
            UserEntity user = users.findByUsername(name)
                    .orElseThrow(() -> new InvalidUserException("supervisors", "no user '" + name + "'"));
            Role role = user.toUser().role();
            if (role != Role.SUPERVISOR) {
                throw new InvalidUserException(
                        "supervisors", "'" + name + "' is " + role + ": only supervisors supervise teams");
            }
            assigned.add(user.toUser().id().value());
        }
        TeamView before = view(team);
        jdbc.update("delete from team_supervisors where team_id = :team", Map.of("team", id));
        for (Long user : assigned) {
            jdbc.update(
                    "insert into team_supervisors (team_id, user_id) values (:team, :user)",
                    Map.of("team", id, "user", user));
        }
        TeamView after = view(team);
        audit.record(actor, "team.supervisors", "team", id, before, after);
        events.publishEvent(new TeamSupervisorsChanged(team.id()));
        return after;
    }

    private TeamView view(TeamEntity team) {
        long id = team.id().value();
        List<UserEntity> members = users.findByTeamId(id);
        List<String> assigned = jdbc.queryForList(
                "select u.username from team_supervisors ts join users u on u.id = ts.user_id"
                        + " where ts.team_id = :team and u.role = 'SUPERVISOR' order by u.username",
                Map.of("team", id),
                String.class);
        Set<String> supervisors = new TreeSet<>(assigned);
        members.stream()
                .filter(user -> user.toUser().role() == Role.SUPERVISOR)
                .map(UserEntity::username)
                .forEach(supervisors::add);
        return new TeamView(id, team.name(), members.size(), List.copyOf(supervisors), assigned, queuesOf(team.id()));
    }

    private TeamEntity entity(long id) {
        return teams.findById(id).orElseThrow(() -> new UserNotFoundException("no team " + id));
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidUserException("name", "a team needs a name");
        }
        String clean = name.strip();
        if (clean.length() > 100) {
            throw new InvalidUserException("name", "a team name has at most 100 characters");
        }
        return clean;
    }
}
