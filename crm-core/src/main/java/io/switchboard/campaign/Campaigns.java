package io.switchboard.campaign;

import io.switchboard.directory.AuditLog;
import io.switchboard.directory.Directory;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns and their lifecycle. Campaign managers and admins create, change and run them; supervisors see them
 * all; agents see the campaigns they are assigned to.
 */
public class Campaigns {

    private final CampaignStore store;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditLog audit;

    Campaigns(CampaignStore store, Directory directory, TransactionTemplate transactions, Clock clock, AuditLog audit) {
        this.store = store;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /** A new campaign, in {@link CampaignStatus#DRAFT}. */
    public Campaign create(CampaignSettings settings, Viewer viewer) {
        CampaignAccess.requireManager(viewer, "create campaigns");
        checkAgents(settings.agents());
        try {
            CampaignId id = transactions.execute(status -> {
                CampaignId created = new CampaignId(store.insert(settings, viewer.user(), clock.instant()));
                audit.record(viewer, "campaign.created", "campaign", created, null, settings);
                return created;
            });
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw duplicateName(settings);
        }
    }

    /** Changes the settings of a campaign that is not finished (a running one's take effect with its next claim). */
    public Campaign update(CampaignId id, CampaignSettings settings, Viewer viewer) {
        CampaignAccess.requireManager(viewer, "change campaigns");
        Campaign campaign = find(id).orElseThrow(() -> CampaignNotFoundException.campaign(id));
        if (campaign.status() == CampaignStatus.FINISHED) {
            throw new CampaignStateException("campaign " + id + " is finished and can no longer be changed");
        }
        checkAgents(settings.agents());
        try {
            transactions.executeWithoutResult(status -> {
                store.update(id.value(), settings, clock.instant());
                audit.record(viewer, "campaign.updated", "campaign", id, campaign.settings(), settings);
            });
        } catch (DuplicateKeyException e) {
            throw duplicateName(settings);
        }
        return find(id).orElseThrow();
    }

    /** @throws CampaignNotFoundException when there is none, or the viewer is an agent not assigned to it */
    public Campaign get(CampaignId id, Viewer viewer) {
        return find(id).filter(campaign -> CampaignAccess.oversees(viewer)
                        || campaign.settings().agents().contains(viewer.user()))
                .orElseThrow(() -> CampaignNotFoundException.campaign(id));
    }

    /** Every campaign for managers, admins and supervisors; an agent's own campaigns for agents. */
    public List<Campaign> list(Viewer viewer) {
        return CampaignAccess.oversees(viewer) ? store.all() : store.assignedTo(viewer.user());
    }

    /** The campaign without any access check: for the dialer, which acts for no user. */
    public Optional<Campaign> find(CampaignId id) {
        return store.find(id.value());
    }

    /** The campaigns the dialer should be working: not one whose stored settings are invalid. */
    public List<Campaign> running() {
        return store.withStatus(CampaignStatus.RUNNING).stream()
                .filter(Campaign::running)
                .toList();
    }

    public boolean isAssigned(CampaignId campaignId, UserId user) {
        return store.isAssigned(campaignId.value(), user);
    }

    /** Draft or paused to running; refused while a stored setting is invalid (correct it first). */
    public Campaign start(CampaignId id, Viewer viewer) {
        CampaignAccess.requireManager(viewer, "start, pause or finish campaigns");
        find(id).filter(campaign -> !campaign.valid()).ifPresent(campaign -> {
            InvalidSetting first = campaign.invalidSettings().get(0);
            throw new InvalidCampaignException(first.field(), first.message() + ": correct it before starting");
        });
        return move(id, CampaignStatus.RUNNING, viewer);
    }

    /** Running to paused: the dialer places no new calls; calls in progress end normally. */
    public Campaign pause(CampaignId id, Viewer viewer) {
        return move(id, CampaignStatus.PAUSED, viewer);
    }

    /** To finished, from any other status; final. */
    public Campaign finish(CampaignId id, Viewer viewer) {
        return move(id, CampaignStatus.FINISHED, viewer);
    }

    private Campaign move(CampaignId id, CampaignStatus to, Viewer viewer) {
        CampaignAccess.requireManager(viewer, "start, pause or finish campaigns");
        Campaign campaign = find(id).orElseThrow(() -> CampaignNotFoundException.campaign(id));
        if (!campaign.status().canMoveTo(to)) {
            throw new CampaignStateException(
                    "campaign " + id + " is " + campaign.status() + " and cannot move to " + to);
        }
        boolean moved = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!store.changeStatus(id.value(), campaign.status(), to, clock.instant())) {
                return false;
            }
            audit.record(
                    viewer,
                    "campaign.status",
                    "campaign",
                    id,
                    java.util.Map.of("status", campaign.status()),
                    java.util.Map.of("status", to));
            return true;
        }));
        if (!moved) {
            throw new CampaignStateException("campaign " + id + " was changed meanwhile; try again");
        }
        return find(id).orElseThrow();
    }

    private void checkAgents(Set<UserId> agents) {
        if (agents.isEmpty()) {
            return;
        }
        Set<UserId> known =
                directory.findAll(agents).stream().map(user -> user.id()).collect(Collectors.toSet());
        if (!known.containsAll(agents)) {
            throw new InvalidCampaignException(
                    "agents",
                    "no such users: "
                            + agents.stream()
                                    .filter(agent -> !known.contains(agent))
                                    .map(agent -> String.valueOf(agent.value()))
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static InvalidCampaignException duplicateName(CampaignSettings settings) {
        return new InvalidCampaignException("name", "there is already a campaign named " + settings.name());
    }
}
