package io.switchboard.api;

import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.worker.Overflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes every call event to the log ({@code io.switchboard.calls}), so a demo run shows calls being followed. */
@Component
class CallEventLog {

    private static final Logger log = LoggerFactory.getLogger("io.switchboard.calls");

    private final CallEventBus bus;

    CallEventLog(CallEventBus bus) {
        this.bus = bus;
    }

    @EventListener(ApplicationReadyEvent.class)
    void subscribe() {
        bus.subscribe(
                "call-log",
                CallEventDelivery.queued(10_000, Overflow.DROP_NEWEST),
                CallEventHandlers.none().on(CallEvent.class, this::log));
    }

    private void log(CallEvent event) {
        if (log.isInfoEnabled()) {
            log.info("{}", event);
        }
    }
}
