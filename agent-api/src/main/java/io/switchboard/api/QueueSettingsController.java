package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.queue.QueueCatalogue;
import io.switchboard.queue.QueueNotFoundException;
import io.switchboard.queue.QueueRules;
import io.switchboard.queue.QueueSettings;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PBX's queues as Switchboard knows them (learned from the PBX) and what admins set for each: display name, team,
 * service level threshold and target, wrap-up time. Supervisors read them; admins change them.
 */
@RestController
@RequestMapping("/api/v1/queue-settings")
@Tag(name = "Queue settings", description = "The PBX's queues with their display name, team, service level and wrap-up")
class QueueSettingsController {

    /**
     * A queue's settings as stored ({@code null}: the default) and as they apply ({@code effective}).
     *
     * @param name the queue as events name it ({@code b:support}): the key of {@code /queue-settings/{queue}}
     * @param label the queue as people know it: {@code support} with one PBX, {@code support (b)} with several
     * @param effective the threshold, target (%) and wrap-up the queue is counted by now
     */
    record QueueSettingsView(
            String name,
            String label,
            String displayName,
            String team,
            Integer serviceLevelSeconds,
            Integer serviceLevelTargetPercent,
            Integer wrapUpSeconds,
            java.time.Instant firstSeenAt,
            Effective effective) {}

    record Effective(int serviceLevelSeconds, int serviceLevelTargetPercent, long wrapUpSeconds) {}

    /**
     * Every field replaces the stored one; leave a number out (or {@code null}) for the global default.
     *
     * @param team the name of an existing team, or {@code null} for none
     */
    record QueueSettingsRequest(
            @Size(max = 100) String displayName,
            @Size(max = 100) String team,
            @Min(1) @Max(3600) Integer serviceLevelSeconds,
            @Min(1) @Max(99) Integer serviceLevelTargetPercent,
            @Min(0) @Max(3600) Integer wrapUpSeconds) {}

    private final QueueCatalogue catalogue;

    QueueSettingsController(QueueCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every queue the PBX has named, by name. */
    @GetMapping
    List<QueueSettingsView> list() {
        return catalogue.all().stream().map(this::view).toList();
    }

    @GetMapping("/{queue}")
    QueueSettingsView get(@PathVariable String queue) {
        return view(catalogue.find(queue).orElseThrow(() -> new QueueNotFoundException(queue)));
    }

    /** Replaces the queue's settings; figures and wrap-up use them at once. Recorded in the audit log. */
    @PutMapping("/{queue}")
    QueueSettingsView update(
            @PathVariable String queue,
            @Valid @RequestBody QueueSettingsRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        QueueSettings changed = catalogue.update(
                queue,
                new QueueSettings.Edit(
                        request.displayName(),
                        request.team(),
                        request.serviceLevelSeconds(),
                        request.serviceLevelTargetPercent(),
                        request.wrapUpSeconds()),
                me.viewer());
        return view(changed);
    }

    private QueueSettingsView view(QueueSettings queue) {
        QueueRules rules = queue.rules(catalogue.defaults());
        return new QueueSettingsView(
                queue.name(),
                catalogue.pbxLabel(queue.name()),
                queue.displayName(),
                queue.team(),
                queue.serviceLevelSeconds(),
                queue.serviceLevelTargetPercent(),
                queue.wrapUpSeconds(),
                queue.firstSeenAt(),
                new Effective(
                        rules.serviceLevelSeconds(),
                        (int) Math.round(rules.serviceLevelTarget() * 100),
                        rules.wrapUp().toSeconds()));
    }
}
