package io.switchboard.screenpop;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contact.CallerContexts;
import io.switchboard.directory.Directory;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.ticket.EscalationNotifier;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pops and live state reach desktops when the CTI edge runs ({@code switchboard.edge.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.edge.enabled", havingValue = "true")
class ScreenPopConfiguration {

    /** Each listener has its own bus queue and thread: a slow lookup delays pops, never agent states. */
    private static final int QUEUE_CAPACITY = 10_000;

    @Bean
    AgentDirectory agentDirectory(Directory directory) {
        return new AgentDirectory(directory, Duration.ofMinutes(5));
    }

    @Bean
    ScreenPopService screenPopService(
            CallerContexts contexts, AgentDirectory directory, CtiEdge edge, CallEventBus bus, MeterRegistry registry) {
        ScreenPopService service = new ScreenPopService(contexts, directory, edge, registry);
        bus.subscribe("screen-pop", QUEUE_CAPACITY, service);
        return service;
    }

    @Bean(destroyMethod = "close")
    DesktopFeed desktopFeed(AgentDirectory directory, CtiEdge edge, CallEventBus bus) {
        DesktopFeed feed = new DesktopFeed(directory, edge);
        bus.subscribe("desktop-feed", QUEUE_CAPACITY, feed);
        return feed;
    }

    /** Escalated tickets reach the desktops of the people they concern (crm-core calls every notifier bean). */
    @Bean
    EscalationNotifier desktopEscalationNotifier(CtiEdge edge) {
        return new DesktopEscalationNotifier(edge);
    }
}
