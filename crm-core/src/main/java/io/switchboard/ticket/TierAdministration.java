package io.switchboard.ticket;

import io.switchboard.directory.AuditLog;
import io.switchboard.directory.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins' changes to the tiers themselves: create, rename, reorder, assignment rule, SLA policy, deactivate, delete.
 * Each change and its audit entry are one transaction; the tiers in memory are read again after it.
 */
public class TierAdministration {

    /**
     * A tier's settings as an admin gives them.
     *
     * @param name a new name renames the tier (its tickets and members follow)
     * @param sla {@code null}: the priority's policies
     */
    public record TierForm(String name, AssignmentRule assignment, boolean active, TierSla sla, String mailbox) {

        /** One e-mail address, as a mail server takes it in a To header: no spaces, no list, one @ inside. */
        private static final java.util.regex.Pattern ADDRESS =
                java.util.regex.Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

        public TierForm {
            name = TicketText.required("name", name, 60);
            assignment = assignment == null ? AssignmentRule.QUEUE : assignment;
            mailbox = TicketText.optional("mailbox", mailbox, 200);
            if (mailbox != null && !ADDRESS.matcher(mailbox).matches()) {
                throw new InvalidTicketException("mailbox", "must be one e-mail address, such as tier2@example.com");
            }
        }

        /** A tier without a mailbox. */
        public TierForm(String name, AssignmentRule assignment, boolean active, TierSla sla) {
            this(name, assignment, active, sla, null);
        }
    }

    /** What the audit log keeps of a tier. */
    record TierRecord(String name, int level, AssignmentRule assignment, boolean active, TierSla sla, String mailbox) {

        static TierRecord of(Tier tier) {
            return new TierRecord(
                    tier.name(), tier.level(), tier.assignment(), tier.active(), tier.sla(), tier.mailbox());
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SupportTiers tiers;
    private final SlaPolicies policies;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    TierAdministration(
            NamedParameterJdbcTemplate jdbc,
            SupportTiers tiers,
            SlaPolicies policies,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.policies = policies;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Adds a tier after the last. */
    public Tier create(TierForm form, Viewer actor) {
        checkCalendar(form.sla());
        tiers.all();
        transactions.executeWithoutResult(status -> {
            if (tiers.find(form.name()).isPresent()) {
                throw new TierConflictException("a tier named '" + form.name() + "' exists already");
            }
            Integer last = jdbc.getJdbcTemplate()
                    .queryForObject("select coalesce(max(position), 0) from support_tiers", Integer.class);
            MapSqlParameterSource row = row(form).addValue("position", last == null ? 1 : last + 1);
            TicketRows.timestamp(row, "at", java.time.Instant.now());
            jdbc.update(
                    "insert into support_tiers (name, position, assignment, active, first_response_seconds,"
                            + " next_update_seconds, resolution_seconds, calendar, mailbox, mailbox_from_config,"
                            + " created_at) values (:name, :position, :assignment, :active, :first, :next,"
                            + " :resolution, :calendar, :mailbox, false, :at)",
                    row);
            audit.record(actor, "tier.create", "tier", form.name(), null, form);
        });
        tiers.reload();
        return tiers.tier(form.name());
    }

    /** Changes a tier; a new name renames it everywhere tickets and members refer to it. */
    public Tier update(String name, TierForm form, Viewer actor) {
        checkCalendar(form.sla());
        Tier before = tiers.tier(name);
        transactions.executeWithoutResult(status -> {
            if (!form.name().equals(name) && tiers.find(form.name()).isPresent()) {
                throw new TierConflictException("a tier named '" + form.name() + "' exists already");
            }
            if (!form.active() && before.active() && tiers.tiers().size() == 1) {
                throw new TierConflictException("'" + name + "' is the only active tier: tickets need one to open in");
            }
            MapSqlParameterSource row = row(form).addValue("old", name);
            jdbc.update(
                    "update support_tiers set name = :name, assignment = :assignment, active = :active,"
                            + " first_response_seconds = :first, next_update_seconds = :next,"
                            + " resolution_seconds = :resolution, calendar = :calendar, mailbox = :mailbox,"
                            + " mailbox_from_config = false where name = :old",
                    row);
            if (!form.name().equals(name)) {
                Map<String, String> rename = Map.of("old", name, "name", form.name());
                jdbc.update("update tickets set tier = :name where tier = :old", rename);
                jdbc.update("update ticket_tier_members set tier = :name where tier = :old", rename);
            }
            audit.record(actor, "tier.update", "tier", name, TierRecord.of(before), form);
        });
        tiers.reload();
        return tiers.tier(form.name());
    }

    /** Moves a tier to {@code level} (1 for the first) in the escalation order, the others keeping theirs. */
    public List<Tier> move(String name, int level, Viewer actor) {
        Tier moved = tiers.tier(name);
        List<Tier> order = new ArrayList<>(tiers.all());
        if (level < 1 || level > order.size()) {
            throw new InvalidTicketException("level", "must be between 1 and " + order.size());
        }
        order.remove(moved);
        order.add(level - 1, moved);
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < order.size(); i++) {
                jdbc.update(
                        "update support_tiers set position = :position where name = :name",
                        Map.of("position", i + 1, "name", order.get(i).name()));
            }
            audit.record(actor, "tier.move", "tier", name, Map.of("level", moved.level()), Map.of("level", level));
        });
        return tiers.reload();
    }

    /**
     * Deletes a tier that never had tickets, with its memberships.
     *
     * @throws TierConflictException it has tickets (deactivate it instead), or it is the only active tier
     */
    public void delete(String name, Viewer actor) {
        Tier tier = tiers.tier(name);
        transactions.executeWithoutResult(status -> {
            Long tickets = jdbc.queryForObject(
                    "select count(*) from tickets where tier = :name", Map.of("name", name), Long.class);
            if (tickets != null && tickets > 0) {
                throw new TierConflictException("'" + name + "' has " + tickets
                        + " ticket(s) and cannot be deleted: deactivate it instead (it keeps its tickets and gets"
                        + " no new ones)");
            }
            if (tier.active() && tiers.tiers().size() == 1) {
                throw new TierConflictException("'" + name + "' is the only active tier: tickets need one to open in");
            }
            jdbc.update("delete from ticket_tier_members where tier = :name", Map.of("name", name));
            jdbc.update("delete from support_tiers where name = :name", Map.of("name", name));
            audit.record(actor, "tier.delete", "tier", name, TierRecord.of(tier), null);
        });
        tiers.reload();
    }

    /** Adds a member to a tier (audited when they were not in it yet). */
    public void addMember(String tier, io.switchboard.directory.UserId user, String username, Viewer actor) {
        transactions.executeWithoutResult(status -> {
            if (!tiers.isMember(tier, user.value())) {
                tiers.addMember(tier, user);
                audit.record(actor, "tier.member.add", "tier", tier, null, Map.of("member", username));
            }
        });
    }

    /** Takes a member out of a tier (audited when they were in it). */
    public void removeMember(String tier, io.switchboard.directory.UserId user, String username, Viewer actor) {
        transactions.executeWithoutResult(status -> {
            if (tiers.isMember(tier, user.value())) {
                tiers.removeMember(tier, user);
                audit.record(actor, "tier.member.remove", "tier", tier, Map.of("member", username), null);
            }
        });
    }

    /** The business calendars a tier's SLA policy can name. */
    public List<String> calendars() {
        return policies.calendarNames().stream().sorted().toList();
    }

    private void checkCalendar(TierSla sla) {
        if (sla != null && !policies.hasCalendar(sla.calendar())) {
            throw new InvalidTicketException(
                    "sla.calendar", "no business calendar named '" + sla.calendar() + "'; one of " + calendars());
        }
    }

    private static MapSqlParameterSource row(TierForm form) {
        TierSla sla = form.sla();
        return new MapSqlParameterSource()
                .addValue("name", form.name())
                .addValue("assignment", form.assignment().name())
                .addValue("active", form.active())
                .addValue("first", sla == null ? null : sla.firstResponse().toSeconds())
                .addValue(
                        "next",
                        sla == null || sla.nextUpdate() == null
                                ? null
                                : sla.nextUpdate().toSeconds())
                .addValue("resolution", sla == null ? null : sla.resolution().toSeconds())
                .addValue("calendar", sla == null ? null : sla.calendar())
                .addValue("mailbox", form.mailbox());
    }
}
