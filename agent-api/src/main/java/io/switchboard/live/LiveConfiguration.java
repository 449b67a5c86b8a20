package io.switchboard.live;

import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.worker.Overflow;
import io.switchboard.queue.QueueCatalogue;
import io.switchboard.queue.WaitingCallers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveBoard liveBoard(CallEventBus bus, ObjectProvider<Clock> clock, QueueCatalogue queues) {
        // each queue's own wrap-up time, read at the end of each call: a changed setting applies to the next call
        LiveBoard board = new LiveBoard(
                clock.getIfAvailable(Clock::systemUTC),
                queue -> queues.rules(queue).wrapUp());
        // every node's calls, also those of links other nodes own
        bus.subscribe(
                "live-board",
                CallEventSource.EVERY_NODE,
                CallEventDelivery.queued(10_000, Overflow.DROP_NEWEST),
                board.handlers());
        return board;
    }

    /** The callers waiting per queue that the queues' day chart samples. */
    @Bean
    WaitingCallers waitingCallers(LiveBoard board) {
        return () -> {
            Map<String, Integer> waiting = new LinkedHashMap<>();
            board.queues().forEach(queue -> waiting.put(queue.name(), queue.waiting()));
            return waiting;
        };
    }
}
