package io.switchboard.live;

import io.switchboard.gateway.call.CallEventBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveBoard liveBoard(CallEventBus bus) {
        LiveBoard board = new LiveBoard();
        bus.subscribe("live-board", 10_000, board);
        return board;
    }
}
