package io.switchboard.ticket;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The support tiers (stored in {@code support_tiers}, in escalation order; the configured ones seed an empty table)
 * and their members (stored, changed at run time). A user may belong to several tiers. Tiers are read into memory and
 * read again after every change made on this node ({@link TierAdministration}), and at the first use after
 * {@code maxAge} has passed, so a change made on another node is seen here within that time, without a restart.
 */
public class SupportTiers {

    /** A tier member with the number of active tickets assigned to them. */
    record Load(long userId, String username, long tickets) {}

    private static final String SELECT = "select name, assignment, active, first_response_seconds,"
            + " next_update_seconds, resolution_seconds, calendar, mailbox from support_tiers order by position, name";

    private final List<Tier> configured;
    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final Clock clock;
    private final long maxAgeNanos;
    /** Every tier, active or not, in escalation order; null until first read. */
    private volatile List<Tier> all;
    /** Whether this node has done {@link #mailboxesFromConfigurationOnce}. */
    private boolean mailboxesCopied;
    /** When {@link #all} was read ({@link System#nanoTime}: how old the copy is, not the business clock). */
    private volatile long readAt;

    SupportTiers(
            List<Tier> configured,
            NamedParameterJdbcTemplate jdbc,
            Directory directory,
            Clock clock,
            java.time.Duration maxAge) {
        this.configured = List.copyOf(configured);
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The active tiers, first to last: where tickets open and escalate. */
    public List<Tier> tiers() {
        return all().stream().filter(Tier::active).toList();
    }

    /** Every tier, deactivated ones too, in escalation order. */
    public List<Tier> all() {
        List<Tier> tiers = all;
        if (tiers == null || System.nanoTime() - readAt > maxAgeNanos) {
            tiers = reload();
        }
        return tiers;
    }

    /** Reads the tiers again; seeds the table from the configuration when it is empty (the first start). */
    public synchronized List<Tier> reload() {
        Long count = jdbc.getJdbcTemplate().queryForObject("select count(*) from support_tiers", Long.class);
        if (count != null && count == 0) {
            seed();
        }
        mailboxesFromConfigurationOnce();
        List<Tier> read = new java.util.ArrayList<>();
        jdbc.query(SELECT, rs -> {
            Long first = (Long) rs.getObject("first_response_seconds", Long.class);
            Long next = (Long) rs.getObject("next_update_seconds", Long.class);
            Long resolution = (Long) rs.getObject("resolution_seconds", Long.class);
            TierSla sla = first == null || resolution == null
                    ? null
                    : new TierSla(
                            java.time.Duration.ofSeconds(first),
                            next == null ? null : java.time.Duration.ofSeconds(next),
                            java.time.Duration.ofSeconds(resolution),
                            rs.getString("calendar"));
            read.add(new Tier(
                    rs.getString("name"),
                    read.size() + 1,
                    AssignmentRule.valueOf(rs.getString("assignment")),
                    rs.getBoolean("active"),
                    sla,
                    rs.getString("mailbox")));
        });
        all = List.copyOf(read);
        readAt = System.nanoTime();
        return all;
    }

    private void seed() {
        for (Tier tier : configured) {
            MapSqlParameterSource row = new MapSqlParameterSource()
                    .addValue("name", tier.name())
                    .addValue("position", tier.level())
                    .addValue("assignment", tier.assignment().name())
                    .addValue("mailbox", tier.mailbox());
            TicketRows.timestamp(row, "at", clock.instant());
            try {
                jdbc.update(
                        "insert into support_tiers (name, position, assignment, active, mailbox,"
                                + " mailbox_from_config, created_at) values (:name, :position, :assignment, true,"
                                + " :mailbox, false, :at)",
                        row);
            } catch (DuplicateKeyException e) {
                // another node seeded at the same moment
            }
        }
    }

    /**
     * Tiers stored before mailboxes were data take their configured {@code email} once; from then on (and for every
     * tier created since) the stored mailbox alone counts, so an admin may change or clear it.
     */
    private void mailboxesFromConfigurationOnce() {
        if (mailboxesCopied) {
            return;
        }
        for (Tier tier : configured) {
            if (tier.mailbox() != null) {
                jdbc.update(
                        "update support_tiers set mailbox = :mailbox where name = :name and mailbox_from_config",
                        Map.of("mailbox", tier.mailbox(), "name", tier.name()));
            }
        }
        jdbc.getJdbcTemplate().update("update support_tiers set mailbox_from_config = false where mailbox_from_config");
        mailboxesCopied = true;
    }

    /** The mailbox escalations to the tier are mailed to, if it has one. */
    public Optional<String> mailbox(String tier) {
        return find(tier).map(Tier::mailbox);
    }

    public Tier first() {
        return tiers().get(0);
    }

    /**
     * A tier by name, active or not.
     *
     * @throws InvalidTicketException no tier of that name
     */
    public Tier tier(String name) {
        return find(name)
                .orElseThrow(() -> new InvalidTicketException(
                        "tier",
                        "no tier named '" + name + "'; one of "
                                + tiers().stream().map(Tier::name).toList()));
    }

    public Optional<Tier> find(String name) {
        return all().stream().filter(tier -> tier.name().equals(name)).findFirst();
    }

    /** The active tier a ticket escalates to from {@code name}; empty after the last. */
    public Optional<Tier> next(String name) {
        int level = tier(name).level();
        return all().stream()
                .filter(tier -> tier.active() && tier.level() > level)
                .findFirst();
    }

    /** The tier's members, ordered by when they joined it. */
    public List<DirectoryUser> members(String tier) {
        tier(tier);
        List<Long> ids = jdbc.queryForList(
                "select user_id from ticket_tier_members where tier = :tier order by added_at, user_id",
                Map.of("tier", tier),
                Long.class);
        Map<Long, DirectoryUser> users = directory
                .findAll(ids.stream().map(UserId::new).toList())
                .stream()
                .collect(Collectors.toMap(user -> user.id().value(), user -> user));
        return ids.stream().map(users::get).filter(Objects::nonNull).toList();
    }

    /** The tiers the user belongs to (deactivated ones too: their tickets are still worked), in escalation order. */
    public List<Tier> tiersOf(UserId user) {
        List<String> names = jdbc.queryForList(
                "select tier from ticket_tier_members where user_id = :user",
                Map.of("user", user.value()),
                String.class);
        return all().stream().filter(tier -> names.contains(tier.name())).toList();
    }

    /**
     * Adds the user to the tier; adding a member again changes nothing.
     *
     * @throws InvalidTicketException no such tier or user
     */
    public void addMember(String tier, UserId user) {
        tier(tier);
        if (directory.find(user).isEmpty()) {
            throw new InvalidTicketException("user", "no user " + user.value());
        }
        if (isMember(tier, user.value())) {
            return;
        }
        MapSqlParameterSource parameters =
                new MapSqlParameterSource().addValue("tier", tier).addValue("user", user.value());
        TicketRows.timestamp(parameters, "at", clock.instant());
        try {
            jdbc.update(
                    "insert into ticket_tier_members (tier, user_id, added_at) values (:tier, :user, :at)", parameters);
        } catch (DuplicateKeyException e) {
            // added by someone else at the same moment: the member is there, which is what was asked
        }
    }

    /** Takes the user out of the tier; tickets they hold stay theirs. */
    public void removeMember(String tier, UserId user) {
        tier(tier);
        jdbc.update(
                "delete from ticket_tier_members where tier = :tier and user_id = :user",
                Map.of("tier", tier, "user", user.value()));
    }

    /**
     * @throws InvalidTicketException the user is not a member of the tier
     */
    Assignments.Member member(String tier, UserId user) {
        List<Assignments.Member> found = jdbc.query(
                "select u.id, u.username from ticket_tier_members m join users u on u.id = m.user_id"
                        + " where m.tier = :tier and m.user_id = :user",
                Map.of("tier", tier, "user", user.value()),
                (rs, row) -> new Assignments.Member(rs.getLong("id"), rs.getString("username")));
        if (found.isEmpty()) {
            throw new InvalidTicketException("assignee", "user " + user.value() + " is not a member of " + tier);
        }
        return found.get(0);
    }

    boolean isMember(String tier, long user) {
        Long count = jdbc.queryForObject(
                "select count(*) from ticket_tier_members where tier = :tier and user_id = :user",
                Map.of("tier", tier, "user", user),
                Long.class);
        return count != null && count > 0;
    }

    /** The tier's members by how many active tickets they hold, least first; ties by who joined first. */
    List<Load> loads(String tier) {
        return jdbc.query(
                "select m.user_id, u.username, (select count(*) from tickets t where t.assignee_id = m.user_id"
                        + " and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')) as load"
                        + " from ticket_tier_members m join users u on u.id = m.user_id"
                        + " where m.tier = :tier and u.active = true order by load, m.added_at, m.user_id",
                Map.of("tier", tier),
                (rs, row) -> new Load(rs.getLong("user_id"), rs.getString("username"), rs.getLong("load")));
    }
}
