package io.switchboard.ticket;

import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The lists of the ticket workbench: my tickets, my tiers' queues, my team's, all. Each view is a subset of what
 * the viewer may work on ({@link TicketVisibility#workSql()}), so no view needs the (costlier) visibility of
 * contacts. A tier's queue is read through the partial index {@code tickets_queue_ix} in SLA order, which is why
 * statuses are written into the SQL as constants (enum names, never user text): PostgreSQL can then prove that the
 * query only wants rows of that index, also in a cached generic plan.
 */
public class TicketWorkbench {

    private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");

    /**
     * The tickets whose subject or contact's name holds the text, as a union of one trigram index's answer each
     * ({@code tickets_subject_trgm_ix}, {@code contacts_name_trgm_ix}): an {@code or} over the two tables' columns
     * could use neither index and read every ticket of the view with its contact (p50 220 ms for a tier's queue of
     * 40,000).
     */
    private static final String TEXT_MATCHES = "t.id in (select s.id from tickets s"
            + " where lower(s.subject) like :text escape '\\'"
            + " union select n.id from tickets n join contacts c on c.id = n.contact_id"
            + " where lower(c.name) like :text escape '\\')";

    private final NamedParameterJdbcTemplate jdbc;
    private final TicketStore store;
    private final TicketChanger changer;
    private final SupportTiers tiers;
    private final int maxPageSize;
    private final TicketCategories categories;
    private final RetiredCategories retired;

    TicketWorkbench(
            NamedParameterJdbcTemplate jdbc,
            TicketStore store,
            TicketChanger changer,
            SupportTiers tiers,
            int maxPageSize,
            TicketCategories categories) {
        this.jdbc = jdbc;
        this.store = store;
        this.changer = changer;
        this.tiers = tiers;
        this.maxPageSize = maxPageSize;
        this.categories = categories;
        this.retired = new RetiredCategories(jdbc, categories);
    }

    /**
     * One page of a view.
     *
     * @throws TicketAccessDeniedException the team view for anyone but a supervisor of a team, all for anyone but
     *     an admin
     * @throws InvalidTicketException an unknown tier, or a category neither on the list nor on any ticket
     * @throws IllegalArgumentException a page below 0, a size outside 1 to the maximum
     */
    public Page<Ticket> find(WorkbenchQuery query, Viewer viewer, int page, int size) {
        if (page < 0 || size < 1 || size > maxPageSize) {
            throw new IllegalArgumentException("page must be at least 0 and size between 1 and " + maxPageSize);
        }
        if (query.tier() != null) {
            tiers.tier(query.tier());
        }
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        conditions.add(viewCondition(query, viewer, parameters));
        conditions.add("t.status in (" + constants(query.statuses()) + ")");
        if (!query.priorities().isEmpty()) {
            conditions.add("t.priority in (" + constants(query.priorities()) + ")");
        }
        if (query.tier() != null) {
            conditions.add("t.tier = :tier");
            parameters.put("tier", query.tier());
        }
        if (query.category() != null) {
            conditions.add("t.category = :category");
            parameters.put("category", filterCategory(query.category()));
        }
        if (query.tag() != null) {
            conditions.add("exists (select 1 from ticket_tags g where g.ticket_id = t.id and g.tag = :tag)");
            parameters.put("tag", query.tag());
        }
        if (query.text() != null) {
            var number = TICKET_NUMBER.matcher(query.text());
            if (number.matches()) {
                conditions.add("t.id = :number");
                parameters.put("number", Long.parseLong(number.group(1)));
            } else {
                conditions.add(TEXT_MATCHES);
                parameters.put("text", "%" + likeLiteral(query.text().toLowerCase(Locale.ROOT)) + "%");
            }
        }
        String from = " from tickets t where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*)" + from, parameters, Long.class);
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        List<Long> ids = jdbc.queryForList(
                "select t.id" + from + order(query.sort()) + " limit :limit offset :offset", parameters, Long.class);
        Instant now = changer.now();
        return new PageImpl<>(
                store.load(ids).stream().map(state -> changer.view(state, now)).toList(),
                PageRequest.of(page, size),
                total == null ? 0 : total);
    }

    /**
     * The categories taken off {@code switchboard.tickets.categories} that tickets still carry: still a filter of the
     * workbench, never a category to set.
     */
    public List<String> retiredCategories() {
        return retired.inUse();
    }

    /** A category on the list, or a retired one tickets still carry (they stay findable by it). */
    private String filterCategory(String wanted) {
        try {
            return categories.checked(wanted);
        } catch (InvalidTicketException notOnTheList) {
            return retired.find(wanted).orElseThrow(() -> notOnTheList);
        }
    }

    /** The largest page ({@code switchboard.tickets.max-page-size}). */
    public int maxPageSize() {
        return maxPageSize;
    }

    private String viewCondition(WorkbenchQuery query, Viewer viewer, Map<String, Object> parameters) {
        parameters.put("viewerId", viewer.user().value());
        return switch (query.view()) {
            case MINE -> "t.assignee_id = :viewerId";
            case TIERS -> {
                // the viewer's tiers read first: a constant list lets the queue index deliver rows in SLA order
                List<String> mine =
                        tiers.tiersOf(viewer.user()).stream().map(Tier::name).toList();
                parameters.put("tiers", mine.isEmpty() ? List.of("") : mine);
                yield "t.assignee_id is null and t.tier in (:tiers)";
            }
            case TEAM -> {
                if (viewer.role() != Role.SUPERVISOR || viewer.teams().isEmpty()) {
                    throw new TicketAccessDeniedException("the team view is for supervisors of a team");
                }
                TicketVisibility visibility = new TicketVisibility(viewer);
                parameters.putAll(visibility.parameters());
                yield visibility.workSql();
            }
            case ALL -> {
                if (viewer.role() != Role.ADMIN) {
                    throw new TicketAccessDeniedException("the view of all tickets is for admins");
                }
                yield "1 = 1";
            }
        };
    }

    private static String order(WorkbenchQuery.Sort sort) {
        return switch (sort) {
            case URGENCY -> " order by t.next_check_at asc nulls last, t.created_at, t.id";
            // the expression of the partial index tickets_queue_priority_ix (V19_20), or PostgreSQL sorts the queue
            case PRIORITY ->
                " order by case t.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2"
                        + " else 3 end, t.next_check_at asc nulls last, t.created_at, t.id";
            case UPDATED -> " order by t.updated_at desc, t.id desc";
            case NEWEST -> " order by t.created_at desc, t.id desc";
        };
    }

    /** Enum names as SQL string constants; they are letters and underscores only. */
    private static String constants(Collection<? extends Enum<?>> values) {
        return values.stream()
                .map(Enum::name)
                .sorted()
                .map(name -> "'" + name + "'")
                .collect(Collectors.joining(", "));
    }

    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
