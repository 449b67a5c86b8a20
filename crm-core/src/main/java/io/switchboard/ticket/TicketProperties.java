package io.switchboard.ticket;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tickets: support tiers, business calendars, SLA policies and the escalation scheduler. Everything has a default,
 * so an application without any of it gets three tiers, a weekday calendar in UTC and one policy per priority.
 *
 * @param tiers in escalation order (the first is where tickets start)
 * @param calendars business calendars by name; policies name theirs ({@code default} unless said otherwise)
 * @param popTickets open tickets a screen pop shows at most
 * @param maxPageSize the most tickets one list page returns
 * @param tierRefresh how old this node's copy of the tiers may get before it reads them again: a tier changed on
 *     another node is seen here within this time ({@code 0}: read at every use)
 * @param categories the categories a ticket may have (a managed list, as help desks keep one: reports, filters and
 *     the knowledge base's suggestions group by the same few names, where free text would split "Billing" into
 *     "billing", "Invoices" and "bill"); tags are the free labels
 */
@ConfigurationProperties("switchboard.tickets")
public record TicketProperties(
        List<TierProperties> tiers,
        Map<String, CalendarProperties> calendars,
        @DefaultValue SlaProperties sla,
        @DefaultValue SchedulerProperties scheduler,
        @DefaultValue MailProperties mail,
        @DefaultValue("10") int popTickets,
        @DefaultValue("200") int maxPageSize,
        @DefaultValue("5s") Duration tierRefresh,
        List<String> categories) {

    /**
     * @param assignment who gets a ticket arriving in the tier without a chosen assignee
     * @param members usernames added to the tier at startup (members can also be added at run time)
     * @param email the tier's mailbox (a distribution list): escalations to the tier are mailed there when
     *     {@code switchboard.tickets.mail.enabled}; {@code null} for none
     */
    public record TierProperties(
            String name, @DefaultValue("QUEUE") AssignmentRule assignment, List<String> members, String email) {

        public TierProperties {
            if (name == null || name.isBlank() || name.strip().length() > 60) {
                throw new IllegalArgumentException("switchboard.tickets.tiers[].name must be 1 to 60 characters");
            }
            name = name.strip();
            assignment = assignment == null ? AssignmentRule.QUEUE : assignment;
            members = members == null ? List.of() : List.copyOf(members);
            email = email == null || email.isBlank() ? null : email.strip();
        }
    }

    /**
     * Escalation e-mails through Spring's {@code JavaMailSender} (configured with {@code spring.mail.*}).
     *
     * @param enabled send them at all (needs {@code spring.mail.host})
     * @param from the sender address
     * @param supervisors an address for the supervisors, copied on every escalation mail; {@code null} for none
     * @param queueCapacity mails waiting for the mail server before further ones are dropped and counted
     */
    public record MailProperties(
            @DefaultValue("false") boolean enabled,
            String from,
            String supervisors,
            @DefaultValue("1000") int queueCapacity) {

        public MailProperties {
            if (enabled && (from == null || from.isBlank())) {
                throw new IllegalArgumentException(
                        "switchboard.tickets.mail.from is required when switchboard.tickets.mail.enabled");
            }
            supervisors = supervisors == null || supervisors.isBlank() ? null : supervisors.strip();
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("switchboard.tickets.mail.queue-capacity must be at least 1");
            }
        }
    }

    /**
     * @param zone the time zone the hours are wall-clock times of, e.g. {@code Europe/Berlin}
     * @param hours e.g. {@code MON-FRI 08:00-18:00}, {@code SAT 09:00-13:00}, {@code SUN 00:00-24:00}
     * @param holidays closed days: {@code 2026-12-24} (that date) or {@code 12-25} (every year)
     */
    public record CalendarProperties(@DefaultValue("UTC") String zone, List<String> hours, List<String> holidays) {

        public CalendarProperties {
            zone = zone == null ? "UTC" : zone.strip();
            hours = hours == null || hours.isEmpty() ? List.of("MON-FRI 08:00-18:00") : List.copyOf(hours);
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }

        BusinessCalendar toCalendar(String name) {
            try {
                return BusinessCalendar.of(ZoneId.of(zone), hours, holidays);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("switchboard.tickets.calendars." + name + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param warningPercent share of a target's time after which the ticket escalates before it breaches
     * @param policies one per priority without {@code account} (the default), plus any per account
     */
    public record SlaProperties(@DefaultValue("80") int warningPercent, List<PolicyProperties> policies) {

        public SlaProperties {
            if (warningPercent < 1 || warningPercent > 99) {
                throw new IllegalArgumentException("switchboard.tickets.sla.warning-percent must be between 1 and 99");
            }
            policies = policies == null || policies.isEmpty() ? defaultPolicies() : List.copyOf(policies);
            Set<String> seen = new HashSet<>();
            Set<TicketPriority> covered = EnumSet.noneOf(TicketPriority.class);
            for (PolicyProperties policy : policies) {
                if (!seen.add(policy.name())) {
                    throw new IllegalArgumentException(
                            "switchboard.tickets.sla.policies: two policies for " + policy.name());
                }
                if (policy.account() == null) {
                    covered.add(policy.priority());
                }
            }
            if (covered.size() != TicketPriority.values().length) {
                throw new IllegalArgumentException("switchboard.tickets.sla.policies needs a policy without account"
                        + " for every priority; missing " + EnumSet.complementOf(EnumSet.copyOf(covered)));
            }
        }

        private static List<PolicyProperties> defaultPolicies() {
            return List.of(
                    policy(TicketPriority.URGENT, 1, 2, 8),
                    policy(TicketPriority.HIGH, 2, 4, 16),
                    policy(TicketPriority.NORMAL, 4, 8, 40),
                    new PolicyProperties(
                            TicketPriority.LOW, null, "default", Duration.ofHours(8), null, Duration.ofHours(80)));
        }

        private static PolicyProperties policy(TicketPriority priority, int first, int next, int resolution) {
            return new PolicyProperties(
                    priority,
                    null,
                    "default",
                    Duration.ofHours(first),
                    Duration.ofHours(next),
                    Duration.ofHours(resolution));
        }
    }

    /**
     * Targets in business time of {@code calendar}.
     *
     * @param account an account (company) name: the policy applies to its contacts' tickets; {@code null} for all
     * @param nextUpdate {@code null}: no promise of regular updates
     */
    public record PolicyProperties(
            TicketPriority priority,
            String account,
            @DefaultValue("default") String calendar,
            Duration firstResponse,
            Duration nextUpdate,
            Duration resolution) {

        public PolicyProperties {
            if (priority == null) {
                throw new IllegalArgumentException("switchboard.tickets.sla.policies[].priority is required");
            }
            account = account == null || account.isBlank() ? null : account.strip();
            calendar = calendar == null || calendar.isBlank() ? "default" : calendar.strip();
            requirePositive(firstResponse, "first-response", priority);
            requirePositive(resolution, "resolution", priority);
            if (nextUpdate != null) {
                requirePositive(nextUpdate, "next-update", priority);
            }
        }

        /** How history and tickets name the policy: {@code HIGH} or {@code HIGH/Acme Ltd}. */
        String name() {
            return account == null ? priority.name() : priority.name() + "/" + account;
        }

        private static void requirePositive(Duration value, String property, TicketPriority priority) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(
                        "switchboard.tickets.sla.policies[" + priority + "]." + property + " must be positive");
            }
        }
    }

    /**
     * @param enabled run escalation passes on this node (every node may: each due escalation runs once)
     * @param interval pause between the end of one pass and the start of the next
     * @param batchSize tickets locked and escalated per transaction
     */
    public record SchedulerProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("500") int batchSize) {

        public SchedulerProperties {
            interval = interval == null ? Duration.ofSeconds(30) : interval;
            if (interval.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("switchboard.tickets.scheduler.interval must be at least 100ms");
            }
            if (batchSize < 1 || batchSize > 5_000) {
                throw new IllegalArgumentException(
                        "switchboard.tickets.scheduler.batch-size must be between 1 and 5000");
            }
        }
    }

    public TicketProperties {
        tiers = tiers == null || tiers.isEmpty()
                ? List.of(
                        new TierProperties("Tier 1", AssignmentRule.QUEUE, List.of(), null),
                        new TierProperties("Tier 2", AssignmentRule.LEAST_LOADED, List.of(), null),
                        new TierProperties("Tier 3", AssignmentRule.LEAST_LOADED, List.of(), null))
                : List.copyOf(tiers);
        Set<String> names = new HashSet<>();
        for (TierProperties tier : tiers) {
            if (!names.add(tier.name())) {
                throw new IllegalArgumentException("switchboard.tickets.tiers: two tiers named " + tier.name());
            }
        }
        calendars = calendars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(calendars);
        calendars.putIfAbsent("default", new CalendarProperties("UTC", null, null));
        calendars = Map.copyOf(calendars);
        sla = sla == null ? new SlaProperties(80, null) : sla;
        scheduler = scheduler == null ? new SchedulerProperties(true, Duration.ofSeconds(30), 500) : scheduler;
        mail = mail == null ? new MailProperties(false, null, null, 1000) : mail;
        for (PolicyProperties policy : sla.policies()) {
            if (!calendars.containsKey(policy.calendar())) {
                throw new IllegalArgumentException("switchboard.tickets.sla.policies[" + policy.name()
                        + "].calendar: no calendar named " + policy.calendar());
            }
        }
        for (Map.Entry<String, CalendarProperties> calendar : calendars.entrySet()) {
            calendar.getValue().toCalendar(calendar.getKey());
        }
        if (popTickets < 1) {
            throw new IllegalArgumentException("switchboard.tickets.pop-tickets must be at least 1");
        }
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("switchboard.tickets.max-page-size must be at least 1");
        }
        categories = TicketCategories.checkedNames(categories);
        tierRefresh = tierRefresh == null ? Duration.ofSeconds(5) : tierRefresh;
        if (tierRefresh.isNegative()) {
            throw new IllegalArgumentException("switchboard.tickets.tier-refresh must not be negative");
        }
    }

    /** The defaults, for code that runs without Spring's binder. */
    public static TicketProperties defaults() {
        return new TicketProperties(null, null, null, null, null, 10, 200, null, null);
    }
}
