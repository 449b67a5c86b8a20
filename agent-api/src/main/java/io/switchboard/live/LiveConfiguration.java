package io.switchboard.live;

import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.queue.QueueProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveBoard liveBoard(CallEventBus bus, ObjectProvider<Clock> clock, QueueProperties queues) {
        LiveBoard board = new LiveBoard(clock.getIfAvailable(Clock::systemUTC), queues.wrapUp());
        bus.subscribe("live-board", 10_000, board);
        return board;
    }
}
