package io.switchboard.ticket;

import io.switchboard.ticket.TicketProperties.CalendarProperties;
import io.switchboard.ticket.TicketProperties.PolicyProperties;
import io.switchboard.ticket.TicketProperties.SlaProperties;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured SLA policies and business calendars: which targets a ticket gets, counted in which hours. */
final class SlaPolicies {

    private static final Logger log = LoggerFactory.getLogger(SlaPolicies.class);

    /** A policy as tickets use it: its name, its calendar's name and its targets (absent: no such promise). */
    record Policy(String name, String calendar, Map<SlaTarget, Duration> targets) {

        Optional<Duration> target(SlaTarget kind) {
            return Optional.ofNullable(targets.get(kind));
        }
    }

    private final Map<TicketPriority, Policy> defaults = new EnumMap<>(TicketPriority.class);
    private final Map<String, Policy> byAccount = new HashMap<>();
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();
    private final int warningPercent;

    SlaPolicies(SlaProperties sla, Map<String, CalendarProperties> calendars) {
        calendars.forEach((name, calendar) -> this.calendars.put(name, calendar.toCalendar(name)));
        for (PolicyProperties properties : sla.policies()) {
            Map<SlaTarget, Duration> targets = new EnumMap<>(SlaTarget.class);
            targets.put(SlaTarget.FIRST_RESPONSE, properties.firstResponse());
            if (properties.nextUpdate() != null) {
                targets.put(SlaTarget.NEXT_UPDATE, properties.nextUpdate());
            }
            targets.put(SlaTarget.RESOLUTION, properties.resolution());
            Policy policy = new Policy(properties.name(), properties.calendar(), Map.copyOf(targets));
            if (properties.account() == null) {
                defaults.put(properties.priority(), policy);
            } else {
                byAccount.put(key(properties.priority(), properties.account()), policy);
            }
        }
        this.warningPercent = sla.warningPercent();
    }

    /** The account's own policy for the priority if it has one, else the priority's default. */
    Policy select(TicketPriority priority, String accountName) {
        if (accountName != null) {
            Policy own = byAccount.get(key(priority, accountName));
            if (own != null) {
                return own;
            }
        }
        return defaults.get(priority);
    }

    /**
     * The account's own policy for the priority if it has one, else the tier's own policy if it has one, else the
     * priority's default.
     */
    Policy select(TicketPriority priority, String accountName, Tier tier) {
        if (accountName != null && byAccount.containsKey(key(priority, accountName))) {
            return byAccount.get(key(priority, accountName));
        }
        if (tier != null && tier.sla() != null) {
            TierSla sla = tier.sla();
            Map<SlaTarget, Duration> targets = new EnumMap<>(SlaTarget.class);
            targets.put(SlaTarget.FIRST_RESPONSE, sla.firstResponse());
            if (sla.nextUpdate() != null) {
                targets.put(SlaTarget.NEXT_UPDATE, sla.nextUpdate());
            }
            targets.put(SlaTarget.RESOLUTION, sla.resolution());
            return new Policy("TIER/" + tier.name(), sla.calendar(), Map.copyOf(targets));
        }
        return select(priority, accountName);
    }

    /** Whether a business calendar of that name is configured. */
    boolean hasCalendar(String name) {
        return calendars.containsKey(name);
    }

    /** The configured calendars' names. */
    java.util.Set<String> calendarNames() {
        return java.util.Set.copyOf(calendars.keySet());
    }

    /** A calendar by name; one removed from the configuration since is replaced by {@code default}. */
    BusinessCalendar calendar(String name) {
        BusinessCalendar calendar = calendars.get(name);
        if (calendar == null) {
            log.warn("No business calendar named {} any more; counting in the default calendar", name);
            return calendars.get("default");
        }
        return calendar;
    }

    int warningPercent() {
        return warningPercent;
    }

    private static String key(TicketPriority priority, String account) {
        return priority + "/" + account.strip().toLowerCase(Locale.ROOT);
    }
}
