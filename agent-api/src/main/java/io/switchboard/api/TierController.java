package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.ticket.AssignmentRule;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.Tier;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The support tiers in escalation order with their members; admins change who belongs to which. */
@RestController
@RequestMapping("/api/v1/tiers")
@Tag(name = "Tiers", description = "Support tiers tickets escalate through, and their members")
class TierController {

    /** A tier as the API shows it. */
    record TierView(String name, int level, AssignmentRule assignment, List<Member> members) {}

    record Member(String username, String displayName) {}

    private final SupportTiers tiers;
    private final Directory directory;

    TierController(SupportTiers tiers, Directory directory) {
        this.tiers = tiers;
        this.directory = directory;
    }

    @GetMapping
    List<TierView> list() {
        return tiers.tiers().stream().map(this::view).toList();
    }

    /** Adds the user to the tier (again: no change); the tier with its members. */
    @PostMapping("/{tier}/members/{username}")
    TierView addMember(@PathVariable String tier, @PathVariable String username) {
        Tier found = tier(tier);
        tiers.addMember(found.name(), user(username).id());
        return view(found);
    }

    /** Takes the user out of the tier; the tickets they hold stay theirs. */
    @DeleteMapping("/{tier}/members/{username}")
    ResponseEntity<Void> removeMember(@PathVariable String tier, @PathVariable String username) {
        tiers.removeMember(tier(tier).name(), user(username).id());
        return ResponseEntity.noContent().build();
    }

    private TierView view(Tier tier) {
        return new TierView(
                tier.name(),
                tier.level(),
                tier.assignment(),
                tiers.members(tier.name()).stream()
                        .map(user -> new Member(user.username(), user.displayName()))
                        .toList());
    }

    private Tier tier(String name) {
        return tiers.tiers().stream()
                .filter(tier -> tier.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no tier named '" + name + "'"));
    }

    private DirectoryUser user(String username) {
        return directory
                .findByUsername(username)
                .orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
    }
}
