package io.switchboard.screenpop;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contact.CallerContexts;
import io.switchboard.desktop.CallDesktops;
import io.switchboard.desktop.Desktops;
import io.switchboard.directory.Directory;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.TeamScopes;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.worker.Overflow;
import io.switchboard.ticket.EscalationNotifier;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pops and live state reach desktops when the CTI edge runs ({@code switchboard.edge.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.edge.enabled", havingValue = "true")
class ScreenPopConfiguration {

    /** The desktop feed's bus queue: its own thread, so that agent states never wait for a pop. */
    private static final int QUEUE_CAPACITY = 10_000;
    /**
     * Pops built at once. Each holds a database connection while it queries: four at most, within the default pool
     * of ten that the call log, the dialer and web requests share.
     */
    private static final int POP_THREADS = 4;
    /** Rounds of the pop's queries at start-up: enough to load, connect and compile; one to three seconds. */
    private static final int WARM_UP_ROUNDS = 200;
    /** Whom the warm-up pops for: an agent with a team, the visibility rule most pops use. Matches nothing. */
    private static final Viewer WARM_UP_VIEWER = new Viewer(new UserId(0), Role.AGENT, new TeamId(0));

    @Bean
    AgentDirectory agentDirectory(Directory directory) {
        return new AgentDirectory(directory, Duration.ofMinutes(5));
    }

    @Bean(destroyMethod = "close")
    ScreenPopService screenPopService(
            CallerContexts contexts,
            AgentDirectory directory,
            TeamScopes scopes,
            CallDesktops desktops,
            CallEventBus bus,
            MeterRegistry registry) {
        // once per call: on the node that reads the call's link, to the ringing agent's desktops wherever they are
        ScreenPopService service =
                new ScreenPopService(contexts, directory, scopes, desktops.desktops(), registry, POP_THREADS);
        // Called on the tracker's thread: the service only queues the event on its pop threads, so a pop starts one
        // thread hand-off sooner than through a queue and thread of its own.
        bus.subscribe("screen-pop", CallEventDelivery.inline(), service.handlers());
        return service;
    }

    /** Once the application is up, and not before: the warm-up needs the database migrated. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> screenPopWarmUp(ScreenPopService service) {
        return event -> service.warmUpLater(WARM_UP_VIEWER, WARM_UP_ROUNDS);
    }

    @Bean(destroyMethod = "close")
    DesktopFeed desktopFeed(AgentDirectory directory, TeamScopes scopes, Desktops desktops, CallEventBus bus) {
        // every node builds the feed from every node's call events, each for the desktops it holds
        DesktopFeed feed = new DesktopFeed(directory, scopes, desktops.thisNodeOnly());
        bus.subscribe(
                "desktop-feed",
                CallEventSource.EVERY_NODE,
                CallEventDelivery.queued(QUEUE_CAPACITY, Overflow.DROP_NEWEST),
                feed.handlers());
        return feed;
    }

    /** Escalated tickets reach the desktops of the people they concern (crm-core calls every notifier bean). */
    @Bean
    EscalationNotifier desktopEscalationNotifier(Desktops desktops) {
        return new DesktopEscalationNotifier(desktops);
    }
}
