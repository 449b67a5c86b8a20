package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.directory.TeamAdministration;
import io.switchboard.directory.TeamView;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Teams for admins: create, rename, delete when empty, the queues each works and the supervisors assigned to it. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams, their supervisors and the queues they work (admins)")
class TeamController {

    record TeamRequest(@NotBlank @Size(max = 100) String name) {}

    record QueuesRequest(@NotNull List<String> queues) {}

    /** @param supervisors usernames of users with the role SUPERVISOR; empty: none assigned */
    record SupervisorsRequest(@NotNull List<String> supervisors) {}

    private final TeamAdministration teams;

    TeamController(TeamAdministration teams) {
        this.teams = teams;
    }

    @GetMapping
    List<TeamView> list() {
        return teams.list();
    }

    @PostMapping
    ResponseEntity<TeamView> create(
            @Valid @RequestBody TeamRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        TeamView created = teams.create(request.name(), me.viewer());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id()))
                .body(created);
    }

    /** Renames the team. */
    @PutMapping("/{id}")
    TeamView rename(
            @PathVariable long id,
            @Valid @RequestBody TeamRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return teams.rename(id, request.name(), me.viewer());
    }

    /** Deletes a team nobody belongs to (409 while it has members). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        teams.delete(id, me.viewer());
        return ResponseEntity.noContent().build();
    }

    /** Replaces the queues the team works: its supervisors' wallboard shows these. */
    @PutMapping("/{id}/queues")
    TeamView queues(
            @PathVariable long id,
            @Valid @RequestBody QueuesRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return teams.setQueues(id, request.queues(), me.viewer());
    }

    /**
     * Replaces the supervisors assigned to the team: they see its contacts, tickets, calls, agents and queues besides
     * their own team's, from their next request on. The team's own supervisors supervise it anyway.
     */
    @PutMapping("/{id}/supervisors")
    TeamView supervisors(
            @PathVariable long id,
            @Valid @RequestBody SupervisorsRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return teams.setSupervisors(id, request.supervisors(), me.viewer());
    }
}
