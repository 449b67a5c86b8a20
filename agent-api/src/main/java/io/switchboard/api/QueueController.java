package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.live.AgentStatus;
import io.switchboard.live.LiveAgent;
import io.switchboard.live.LiveBoard;
import io.switchboard.live.LiveQueue;
import io.switchboard.queue.QueueCatalogue;
import io.switchboard.queue.QueueFigures;
import io.switchboard.queue.QueueStatistics;
import io.switchboard.queue.QueueTimeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/queues")
@Tag(name = "Queues", description = "Live queue state")
class QueueController {

    /**
     * A queue now: callers waiting, since when the longest has waited, its logged-in agents by state, and today's
     * figures with the staffing hint.
     *
     * @param displayName what the pages call the queue (an admin's display name, else its name)
     * @param agents the agents of this queue by state ({@code READY}, {@code ON_CALL}, {@code WRAP_UP}, ..., {@code LOGGED_OUT})
     * @param today offered, answered, abandoned, waits, service level and agents needed; {@code null} before the
     *     day's first call
     */
    record QueueView(
            String name,
            String displayName,
            int waiting,
            Instant longestWaitingSince,
            Map<AgentStatus, Long> agents,
            QueueFigures today) {}

    private final LiveBoard board;
    private final QueueStatistics statistics;
    private final QueueTimeline timeline;
    private final QueueCatalogue catalogue;

    QueueController(LiveBoard board, QueueStatistics statistics, QueueTimeline timeline, QueueCatalogue catalogue) {
        this.board = board;
        this.statistics = statistics;
        this.timeline = timeline;
        this.catalogue = catalogue;
    }

    /** Today's course per queue, a point a minute: callers waiting and the service level so far. */
    @GetMapping("/timeline")
    Map<String, List<QueueTimeline.Point>> timeline() {
        return timeline.today();
    }

    @GetMapping
    List<QueueView> queues() {
        Map<String, LiveQueue> queues =
                board.queues().stream().collect(Collectors.toMap(LiveQueue::name, queue -> queue));
        Map<String, Map<AgentStatus, Long>> agents = board.agents().stream()
                .collect(Collectors.groupingBy(
                        LiveAgent::queue, Collectors.groupingBy(LiveAgent::state, Collectors.counting())));
        Map<String, QueueFigures> today =
                statistics.today().stream().collect(Collectors.toMap(QueueFigures::queue, figures -> figures));
        TreeSet<String> names = new TreeSet<>(queues.keySet());
        names.addAll(agents.keySet());
        names.addAll(today.keySet());
        names.addAll(catalogue.known());
        return names.stream()
                .map(name -> {
                    LiveQueue queue = queues.get(name);
                    return new QueueView(
                            name,
                            catalogue.label(name),
                            queue == null ? 0 : queue.waiting(),
                            queue == null ? null : queue.longestWaitingSince(),
                            agents.getOrDefault(name, Map.of()),
                            today.get(name));
                })
                .toList();
    }
}
