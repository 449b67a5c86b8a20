package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityDispositions;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityId;
import io.switchboard.activity.ActivityNotFoundException;
import io.switchboard.activity.ActivityQuery;
import io.switchboard.activity.Disposition;
import io.switchboard.contact.ContactId;
import io.switchboard.directory.Directory;
import io.switchboard.directory.UserId;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "The call log: one activity per call, closed by the agent with a disposition")
class ActivityController {

    /** No user has this id: asking for an unknown agent's calls finds none. */
    private static final UserId NOBODY = new UserId(-1);

    private final ActivityHistory history;
    private final ActivityDispositions dispositions;
    private final Directory directory;

    ActivityController(ActivityHistory history, ActivityDispositions dispositions, Directory directory) {
        this.history = history;
        this.dispositions = dispositions;
        this.directory = directory;
    }

    /** Newest first, filtered by contact id, agent username, queue and start time ({@code from} inclusive). */
    @GetMapping
    PageResponse<Activity> list(
            @RequestParam(required = false) Long contact,
            @RequestParam(required = false) String agent,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal SwitchboardUser me) {
        Paging.page(page, size, history.maxPageSize());
        // an unknown username lists nothing rather than saying so: the API must not tell which usernames exist
        UserId agentId = agent == null
                ? null
                : directory.findByUsername(agent).map(user -> user.id()).orElse(NOBODY);
        ActivityQuery query =
                new ActivityQuery(contact == null ? null : new ContactId(contact), agentId, queue, from, to);
        return PageResponse.of(history.find(query, me.viewer(), page, size), activity -> activity);
    }

    @GetMapping("/{id}")
    Activity get(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return history.find(new ActivityId(id), me.viewer())
                .orElseThrow(() -> new ActivityNotFoundException(new ActivityId(id)));
    }

    @GetMapping("/disposition-codes")
    List<String> dispositionCodes() {
        return dispositions.codes();
    }

    @PutMapping("/{id}/disposition")
    Activity dispose(
            @PathVariable long id,
            @Valid @RequestBody DispositionRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return dispositions.dispose(
                new ActivityId(id),
                new Disposition(
                        request.code(),
                        request.notes(),
                        request.contact() == null ? null : new ContactId(request.contact()),
                        request.version()),
                me.viewer());
    }
}
