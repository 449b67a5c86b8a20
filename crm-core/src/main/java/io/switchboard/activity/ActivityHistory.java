package io.switchboard.activity;

import io.switchboard.contact.ContactId;
import io.switchboard.contact.RecentActivities;
import io.switchboard.contact.RecentActivity;
import io.switchboard.directory.Directory;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads the call history: pages filtered by contact, agent, queue and time, newest first, limited to what the
 * viewer may see; and the recent calls a screen pop shows.
 */
public class ActivityHistory implements RecentActivities {

    private final NamedParameterJdbcTemplate jdbc;
    private final int maxPageSize;

    ActivityHistory(NamedParameterJdbcTemplate jdbc, ActivityProperties properties) {
        this.jdbc = jdbc;
        this.maxPageSize = properties.maxPageSize();
    }

    /** The largest page {@link #find} returns ({@code switchboard.activities.max-page-size}). */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** @param page zero-based; the size is at most {@link #maxPageSize()} */
    public Page<Activity> find(ActivityQuery query, Viewer viewer, int page, int size) {
        if (page < 0 || size < 1 || size > maxPageSize) {
            throw new IllegalArgumentException("page must be at least 0 and size between 1 and " + maxPageSize);
        }
        int pageSize = size;
        ActivityVisibility visibility = new ActivityVisibility(viewer);
        Map<String, Object> parameters = new HashMap<>(visibility.parameters());
        List<String> conditions = new ArrayList<>(List.of(visibility.seeSql()));
        criteria(query, conditions, parameters);
        String where = " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject(
                "select count(*) from activities a left join contacts c on c.id = a.contact_id" + where,
                parameters,
                Long.class);
        parameters.put("limit", pageSize);
        parameters.put("offset", (long) page * pageSize);
        List<Activity> content = ActivityLegs.attach(
                jdbc,
                jdbc.query(
                        ActivityRows.SELECT + where
                                + " order by a.started_at desc, a.id desc limit :limit offset :offset",
                        parameters,
                        ActivityRows.MAPPER));
        return new PageImpl<>(content, PageRequest.of(page, pageSize), total == null ? 0 : total);
    }

    public Optional<Activity> find(ActivityId id, Viewer viewer) {
        return findOne("a.id = :key", id.value(), viewer);
    }

    public Optional<Activity> findByCallId(String callId, Viewer viewer) {
        return findOne("a.call_id = :key", callId, viewer);
    }

    /** The one activity matching {@code condition} on {@code :key}, if the viewer may see it. */
    private Optional<Activity> findOne(String condition, Object key, Viewer viewer) {
        ActivityVisibility visibility = new ActivityVisibility(viewer);
        Map<String, Object> parameters = new HashMap<>(visibility.parameters());
        parameters.put("key", key);
        return ActivityLegs.attach(
                        jdbc,
                        jdbc.query(
                                ActivityRows.SELECT + " where " + condition + " and " + visibility.seeSql(),
                                parameters,
                                ActivityRows.MAPPER))
                .stream()
                .findFirst();
    }

    /** The pop's history: the contacts were already filtered by what the agent may see. */
    @Override
    public List<RecentActivity> latest(Collection<ContactId> contacts, int limit) {
        if (contacts.isEmpty() || limit < 1) {
            return List.of();
        }
        Map<String, Object> parameters =
                Map.of("contacts", contacts.stream().map(ContactId::value).toList(), "limit", limit);
        return jdbc
                .query(
                        ActivityRows.SELECT + " where a.contact_id in (:contacts)"
                                + " order by a.started_at desc, a.id desc limit :limit",
                        parameters,
                        ActivityRows.MAPPER)
                .stream()
                .map(ActivityHistory::recent)
                .toList();
    }

    private static RecentActivity recent(Activity activity) {
        boolean missed = activity.direction() == CallDirection.INBOUND && activity.outcome() != CallOutcome.ANSWERED;
        String kind = missed ? "MISSED_CALL" : activity.direction() + "_CALL";
        StringBuilder summary = new StringBuilder(
                activity.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (activity.talkSeconds() > 0) {
            summary.append(", ").append(activity.talkSeconds()).append(" s");
        }
        if (activity.disposition() != null) {
            summary.append(", ").append(activity.disposition());
        }
        if (activity.notes() != null && !activity.notes().isBlank()) {
            String notes = activity.notes().strip();
            summary.append(": ").append(notes.length() > 80 ? notes.substring(0, 80) + "…" : notes);
        }
        return new RecentActivity(
                activity.contact(), activity.startedAt(), kind, summary.toString(), activity.agentExtension());
    }

    private static void criteria(ActivityQuery query, List<String> conditions, Map<String, Object> parameters) {
        if (query.contact() != null) {
            conditions.add("a.contact_id = :contact");
            parameters.put("contact", query.contact().value());
        }
        if (query.agent() != null) {
            // the agent's calls: the ones they had at the end, and the ones they transferred on
            conditions.add("(a.agent_id = :agent or exists (select 1 from activity_legs l join users u" + " on "
                    + Directory.agentSql("u") + " = l.agent_extension where l.call_id = a.call_id and u.id = :agent))");
            parameters.put("agent", query.agent().value());
        }
        if (query.queue() != null) {
            conditions.add("a.queue = :queue");
            parameters.put("queue", query.queue());
        }
        if (query.from() != null) {
            conditions.add("a.started_at >= :from");
            parameters.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            conditions.add("a.started_at < :to");
            parameters.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
    }
}
