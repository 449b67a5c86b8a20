package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.security.SwitchboardUser;
import io.switchboard.ticket.AssignmentRule;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.Tier;
import io.switchboard.ticket.TierAdministration;
import io.switchboard.ticket.TierAdministration.TierForm;
import io.switchboard.ticket.TierSla;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support tiers in escalation order with their members and SLA policies; admins create, change, reorder,
 * deactivate and delete tiers and change who belongs to which.
 */
@RestController
@RequestMapping("/api/v1/tiers")
@Tag(name = "Tiers", description = "Support tiers tickets escalate through, their SLA policies and their members")
class TierController {

    /**
     * A tier as the API shows it.
     *
     * @param active an inactive tier keeps its tickets and gets no new ones
     * @param sla the tier's own SLA policy for tickets opened in it; {@code null}: the priority's policies
     * @param mailbox where escalations to the tier are mailed; {@code null}: none
     */
    record TierView(
            String name,
            int level,
            AssignmentRule assignment,
            boolean active,
            Sla sla,
            String mailbox,
            List<Member> members) {}

    record Member(String username, String displayName) {}

    /**
     * Targets in business time of {@code calendar} (ISO-8601 durations such as {@code PT4H}).
     *
     * @param nextUpdate {@code null}: no promise of regular updates
     * @param calendar a configured business calendar ({@code GET /api/v1/tiers/calendars}); {@code default} if left out
     */
    record Sla(
            @NotNull Duration firstResponse,
            Duration nextUpdate,
            @NotNull Duration resolution,
            String calendar) {}

    /**
     * A tier's settings: every field replaces the stored one.
     *
     * @param name a new name renames the tier; its tickets and members follow
     * @param active {@code false} deactivates the tier (left out: active)
     * @param sla {@code null} or left out: the priority's policies apply
     * @param mailbox one e-mail address escalations to the tier are mailed to (with switchboard.tickets.mail
     *     enabled); {@code null} or left out: none
     */
    record TierRequest(
            @NotBlank @Size(max = 60) String name,
            AssignmentRule assignment,
            Boolean active,
            @Valid Sla sla,
            @Size(max = 200) String mailbox) {}

    /** @param level the tier's new place, 1 for the first */
    record LevelRequest(@NotNull Integer level) {}

    private final SupportTiers tiers;
    private final TierAdministration administration;
    private final Directory directory;

    TierController(SupportTiers tiers, TierAdministration administration, Directory directory) {
        this.tiers = tiers;
        this.administration = administration;
        this.directory = directory;
    }

    /** Every tier, deactivated ones too, in escalation order. */
    @GetMapping
    List<TierView> list() {
        return tiers.all().stream().map(this::view).toList();
    }

    /** The business calendars an SLA policy can count in. */
    @GetMapping("/calendars")
    List<String> calendars() {
        return administration.calendars();
    }

    /** Adds a tier after the last. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TierView create(@Valid @RequestBody TierRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        return view(administration.create(form(request), me.viewer()));
    }

    /** Changes a tier: name, assignment rule, active, SLA policy. */
    @PutMapping("/{tier}")
    TierView update(
            @PathVariable String tier,
            @Valid @RequestBody TierRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return view(administration.update(tier(tier).name(), form(request), me.viewer()));
    }

    /** Moves a tier in the escalation order; every tier in its new order. */
    @PutMapping("/{tier}/level")
    List<TierView> move(
            @PathVariable String tier,
            @Valid @RequestBody LevelRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return administration.move(tier(tier).name(), request.level(), me.viewer()).stream()
                .map(this::view)
                .toList();
    }

    /** Deletes a tier that has no tickets (409 when it has some: deactivate it instead). */
    @DeleteMapping("/{tier}")
    ResponseEntity<Void> delete(@PathVariable String tier, @AuthenticationPrincipal SwitchboardUser me) {
        administration.delete(tier(tier).name(), me.viewer());
        return ResponseEntity.noContent().build();
    }

    /** Adds the user to the tier (again: no change); the tier with its members. */
    @PostMapping("/{tier}/members/{username}")
    TierView addMember(
            @PathVariable String tier, @PathVariable String username, @AuthenticationPrincipal SwitchboardUser me) {
        Tier found = tier(tier);
        DirectoryUser user = user(username);
        administration.addMember(found.name(), user.id(), username, me.viewer());
        return view(found);
    }

    /** Takes the user out of the tier; the tickets they hold stay theirs. */
    @DeleteMapping("/{tier}/members/{username}")
    ResponseEntity<Void> removeMember(
            @PathVariable String tier, @PathVariable String username, @AuthenticationPrincipal SwitchboardUser me) {
        administration.removeMember(tier(tier).name(), user(username).id(), username, me.viewer());
        return ResponseEntity.noContent().build();
    }

    private static TierForm form(TierRequest request) {
        Sla sla = request.sla();
        return new TierForm(
                request.name(),
                request.assignment(),
                request.active() == null || request.active(),
                sla == null
                        ? null
                        : new TierSla(sla.firstResponse(), sla.nextUpdate(), sla.resolution(), sla.calendar()),
                request.mailbox());
    }

    private TierView view(Tier tier) {
        TierSla sla = tier.sla();
        return new TierView(
                tier.name(),
                tier.level(),
                tier.assignment(),
                tier.active(),
                sla == null ? null : new Sla(sla.firstResponse(), sla.nextUpdate(), sla.resolution(), sla.calendar()),
                tier.mailbox(),
                tiers.members(tier.name()).stream()
                        .map(user -> new Member(user.username(), user.displayName()))
                        .toList());
    }

    private Tier tier(String name) {
        return tiers.find(name).orElseThrow(() -> new NotFoundException("no tier named '" + name + "'"));
    }

    private DirectoryUser user(String username) {
        return directory
                .findByUsername(username)
                .orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
    }
}
