package io.switchboard.queue;

import java.time.Instant;

/**
 * A PBX queue as Switchboard knows it, with what an admin set for it. A {@code null} setting means the global default
 * ({@code switchboard.queues.*}).
 *
 * @param name the PBX's name of the queue (what Asterisk's {@code queues.conf} calls it)
 * @param displayName what the pages show instead of the name; {@code null}: the name
 * @param team the team that works the queue (of several, the first by name: the teams page sets several); {@code null}:
 *     none
 * @param serviceLevelSeconds the service level threshold in seconds, 1 to 3600
 * @param serviceLevelTargetPercent the share of calls that should meet it, 1 to 99 %
 * @param wrapUpSeconds how long an agent shows in wrap-up after a call of this queue (its {@code wrapuptime}), 0 to 3600
 * @param firstSeenAt when the PBX first named the queue
 */
public record QueueSettings(
        String name,
        String displayName,
        String team,
        Integer serviceLevelSeconds,
        Integer serviceLevelTargetPercent,
        Integer wrapUpSeconds,
        Instant firstSeenAt) {

    /** What the pages call the queue. */
    public String label() {
        return displayName == null ? name : displayName;
    }

    /** The settings with the defaults filled in where the queue has none of its own. */
    public QueueRules rules(QueueRules defaults) {
        return new QueueRules(
                serviceLevelSeconds == null ? defaults.serviceLevelSeconds() : serviceLevelSeconds,
                serviceLevelTargetPercent == null ? defaults.serviceLevelTarget() : serviceLevelTargetPercent / 100.0,
                wrapUpSeconds == null ? defaults.wrapUp() : java.time.Duration.ofSeconds(wrapUpSeconds));
    }

    /**
     * What an admin sets for a queue: every field replaces the stored one, {@code null} going back to the default.
     *
     * @param team a team's name: it becomes the one team that works the queue; {@code null}: none
     */
    public record Edit(
            String displayName,
            String team,
            Integer serviceLevelSeconds,
            Integer serviceLevelTargetPercent,
            Integer wrapUpSeconds) {

        public Edit {
            displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
            team = team == null || team.isBlank() ? null : team.strip();
        }
    }
}
