package io.switchboard.ticket;

import io.switchboard.directory.Viewer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Lists tickets: by query within what the viewer may see, and a pop's open tickets of given contacts. */
final class TicketSearch {

    private final NamedParameterJdbcTemplate jdbc;
    private final TicketStore store;

    TicketSearch(NamedParameterJdbcTemplate jdbc, TicketStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** One page of the tickets matching the query that the viewer may see, and how many there are in all. */
    record Found(List<TicketState> tickets, long total) {}

    Found find(TicketQuery query, Viewer viewer, int page, int size) {
        TicketVisibility visibility = new TicketVisibility(viewer);
        Map<String, Object> parameters = new HashMap<>(visibility.parameters());
        List<String> conditions = new ArrayList<>(List.of(visibility.seeSql()));
        if (query.contact() != null) {
            conditions.add("t.contact_id = :contact");
            parameters.put("contact", query.contact().value());
        }
        if (query.tier() != null) {
            conditions.add("t.tier = :tier");
            parameters.put("tier", query.tier());
        }
        if (query.unassigned()) {
            conditions.add("t.assignee_id is null");
        }
        if (query.assignee() != null) {
            conditions.add("t.assignee_id = :assignee");
            parameters.put("assignee", query.assignee().value());
        }
        if (!query.statuses().isEmpty()) {
            conditions.add("t.status in (:statuses)");
            parameters.put("statuses", query.statuses().stream().map(Enum::name).toList());
        }
        String from =
                " from tickets t left join contacts c on c.id = t.contact_id where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*)" + from, parameters, Long.class);
        String order = query.order() == TicketQuery.Order.URGENCY
                ? " order by t.next_check_at asc nulls last, t.created_at, t.id"
                : " order by t.created_at desc, t.id desc";
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        List<Long> ids = jdbc.queryForList(
                "select t.id" + from + order + " limit :limit offset :offset", parameters, Long.class);
        return new Found(store.load(ids), total == null ? 0 : total);
    }

    /** The active tickets of the contacts (already limited to those the viewer may see), newest first. */
    List<TicketState> activeOf(Collection<Long> contacts, int limit) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.queryForList(
                "select t.id from tickets t where t.contact_id in (:contacts)"
                        + " and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')"
                        + " order by t.created_at desc, t.id desc limit :limit",
                Map.of("contacts", contacts, "limit", limit),
                Long.class);
        return store.load(ids);
    }
}
