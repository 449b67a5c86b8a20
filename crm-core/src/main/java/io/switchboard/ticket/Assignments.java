package io.switchboard.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks assignees by each tier's rule during one transaction. Members' loads are read once per tier and counted
 * on in memory, so that a scheduler pass escalating a thousand tickets asks the database once per tier, not once
 * per ticket, and still spreads them evenly.
 */
final class Assignments {

    /** The member a ticket goes to. */
    record Member(long id, String username) {}

    private final SupportTiers tiers;
    private final Map<String, List<SupportTiers.Load>> loads = new HashMap<>();

    Assignments(SupportTiers tiers) {
        this.tiers = tiers;
    }

    /** Who gets a ticket arriving in the tier: nobody for a queue tier, else its least-loaded member. */
    Optional<Member> pick(String tier) {
        if (tiers.tier(tier).assignment() == AssignmentRule.QUEUE) {
            return Optional.empty();
        }
        List<SupportTiers.Load> members = loads.computeIfAbsent(tier, name -> new ArrayList<>(tiers.loads(name)));
        if (members.isEmpty()) {
            return Optional.empty();
        }
        SupportTiers.Load least = members.get(0);
        for (SupportTiers.Load load : members) {
            if (load.tickets() < least.tickets()) {
                least = load;
            }
        }
        members.set(
                members.indexOf(least), new SupportTiers.Load(least.userId(), least.username(), least.tickets() + 1));
        return Optional.of(new Member(least.userId(), least.username()));
    }
}
