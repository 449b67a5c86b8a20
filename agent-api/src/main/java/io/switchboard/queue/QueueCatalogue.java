package io.switchboard.queue;

import io.switchboard.directory.AuditLog;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEvent.QueueListed;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.ConfiguredPbxes;
import io.switchboard.gateway.call.PbxName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PBX's queues as Switchboard knows them ({@code pbx_queues}): learned from the call events that name a queue
 * (the PBX's queue listing after every login, callers and agents in queues) and kept with what admins set for each.
 *
 * <p>Figures and wrap-up read a queue's rules from memory on every call ({@link #rules}); a change made here updates
 * memory in the same step, so it applies at once. Other nodes read the table again every {@code refresh} (see
 * {@link QueueConfiguration}).
 */
public class QueueCatalogue {

    private static final Logger log = LoggerFactory.getLogger(QueueCatalogue.class);

    /** The longest queue name the table holds; Asterisk's own limit is 80 too (queue names in AMI events). */
    static final int MAX_NAME = 80;

    /** The team is the first by name of the teams that work the queue ({@code team_queues}, the teams page's). */
    private static final String SELECT = "select q.name, q.display_name, (select min(t.name) from team_queues tq"
            + " join teams t on t.id = tq.team_id where tq.queue = q.name) as team, q.service_level_seconds,"
            + " q.service_level_target, q.wrap_up_seconds, q.first_seen_at from pbx_queues q";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final QueueRules defaults;
    private final Clock clock;
    private final ConfiguredPbxes pbxes;
    private final Map<String, QueueSettings> queues = new ConcurrentHashMap<>();

    QueueCatalogue(
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transactions,
            AuditLog audit,
            QueueProperties properties,
            Clock clock,
            ConfiguredPbxes pbxes) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.defaults = properties.defaultRules();
        this.clock = clock;
        this.pbxes = pbxes;
    }

    /** Reads the whole table again (at start, and now and then for changes made on other nodes). */
    public void refresh() {
        List<QueueSettings> stored = jdbc.query(SELECT, QueueCatalogue::settings);
        stored.forEach(queue -> queues.put(queue.name(), queue));
        queues.keySet().retainAll(stored.stream().map(QueueSettings::name).toList());
    }

    /** What the catalogue learns from: every event that names a queue. */
    CallEventHandlers handlers() {
        return CallEventHandlers.none()
                .on(QueueListed.class, listed -> learn(listed.queue()))
                .on(QueueChanged.class, changed -> learn(changed.queue()))
                .on(CallQueued.class, queued -> learn(queued.queue()))
                .on(AgentStateChanged.class, state -> learn(state.queue()));
    }

    /** Stores a queue the PBX named, unless it is known already. */
    public void learn(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || queues.containsKey(name)) {
            return;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("name", name)
                .addValue("pbx", PbxName.of(name).pbx())
                .addValue("at", Timestamp.from(clock.instant()));
        try {
            jdbc.update("insert into pbx_queues (name, pbx, first_seen_at) values (:name, :pbx, :at)", parameters);
            log.info("Learned queue {} from the PBX", name);
        } catch (DuplicateKeyException e) {
            // another node learned it at the same moment: it is stored, which is all that was needed
        }
        find(name).ifPresent(queue -> queues.put(name, queue));
    }

    /** Every known queue, by name, read from the table. */
    public List<QueueSettings> all() {
        refresh();
        return queues.values().stream()
                .sorted(Comparator.comparing(QueueSettings::name))
                .toList();
    }

    /** The names of every known queue, from memory (no database round trip: the wallboard asks every few seconds). */
    public List<String> known() {
        return queues.keySet().stream().sorted().toList();
    }

    /** A queue as stored now. */
    public Optional<QueueSettings> find(String name) {
        return jdbc.query(SELECT + " where q.name = :name", Map.of("name", name), QueueCatalogue::settings).stream()
                .findFirst();
    }

    /** The rules a queue is counted by: its own settings over the defaults (a queue not known: the defaults). */
    public QueueRules rules(String queue) {
        QueueSettings settings = queue == null ? null : queues.get(queue);
        return settings == null ? defaults : settings.rules(defaults);
    }

    /**
     * What the pages call a queue: an admin's display name, else its name, with its PBX where there are several
     * ({@code support (b)}: a queue {@code support} on PBX {@code a} is another one).
     */
    public String label(String queue) {
        QueueSettings settings = queues.get(queue);
        return settings == null || settings.displayName() == null ? pbxes.label(queue) : settings.displayName();
    }

    /**
     * The queue as people know it, whatever an admin named it: {@code support} with one PBX, {@code support (b)} for
     * {@code b:support} with several (reports and their CSV files, the queues page's name column).
     */
    public String pbxLabel(String queue) {
        return pbxes.label(queue);
    }

    public QueueRules defaults() {
        return defaults;
    }

    /**
     * Replaces a queue's settings and records the change in the audit log, in one transaction.
     *
     * @throws QueueNotFoundException no queue of that name is known
     * @throws InvalidQueueSettingsException a field out of range, or no team of that name
     */
    public QueueSettings update(String name, QueueSettings.Edit edit, Viewer actor) {
        QueueSettings after = transactions.execute(status -> {
            QueueSettings before = find(name).orElseThrow(() -> new QueueNotFoundException(name));
            QueueSettingsChecks.check(edit);
            Long team = edit.team() == null ? null : teamId(edit.team());
            jdbc.update(
                    "update pbx_queues set display_name = :displayName,"
                            + " service_level_seconds = :seconds, service_level_target = :target,"
                            + " wrap_up_seconds = :wrapUp where name = :name",
                    new MapSqlParameterSource("name", name)
                            .addValue("displayName", edit.displayName())
                            .addValue("seconds", edit.serviceLevelSeconds())
                            .addValue("target", edit.serviceLevelTargetPercent())
                            .addValue("wrapUp", edit.wrapUpSeconds()));
            // the queue's team is the one team that works it now (the teams page can add more)
            jdbc.update("delete from team_queues where queue = :name", Map.of("name", name));
            if (team != null) {
                jdbc.update(
                        "insert into team_queues (team_id, queue) values (:team, :name)",
                        new MapSqlParameterSource("team", team).addValue("name", name));
            }
            QueueSettings changed = find(name).orElseThrow();
            audit.record(actor, "queue.update", "queue", name, before, changed);
            return changed;
        });
        queues.put(name, after);
        return after;
    }

    private Long teamId(String team) {
        List<Long> ids =
                jdbc.queryForList("select id from teams where name = :name", Map.of("name", team.strip()), Long.class);
        if (ids.isEmpty()) {
            throw new InvalidQueueSettingsException("team", "no team named '" + team.strip() + "'");
        }
        return ids.get(0);
    }

    private static QueueSettings settings(ResultSet row, int number) throws SQLException {
        return new QueueSettings(
                row.getString("name"),
                row.getString("display_name"),
                row.getString("team"),
                (Integer) row.getObject("service_level_seconds", Integer.class),
                (Integer) row.getObject("service_level_target", Integer.class),
                (Integer) row.getObject("wrap_up_seconds", Integer.class),
                row.getTimestamp("first_seen_at").toInstant());
    }
}
