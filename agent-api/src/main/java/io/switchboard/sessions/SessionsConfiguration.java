package io.switchboard.sessions;

import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.worker.Overflow;
import io.switchboard.queue.QueueCatalogue;
import io.switchboard.queue.QueueProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

@Configuration(proxyBeanMethods = false)
class SessionsConfiguration {

    @Bean
    AgentEventStore agentEventStore(JdbcTemplate jdbc) {
        return new AgentEventStore(new NamedParameterJdbcTemplate(jdbc));
    }

    /**
     * Writes the agent events on a thread of its own. Membership and pauses are few (a lost one would distort a whole
     * day), so the queue is large; when even that is full the newest are dropped and counted, never the tracker
     * held up. The events of this node's PBX links only (the bus's default): with several nodes, each event is
     * written once, by the node that reads the link.
     */
    @Bean
    AgentSessionRecorder agentSessionRecorder(AgentEventStore store, CallEventBus bus, QueueCatalogue queues) {
        AgentSessionRecorder recorder =
                new AgentSessionRecorder(store, queue -> queues.rules(queue).wrapUp());
        bus.subscribe("agent-sessions", CallEventDelivery.queued(50_000, Overflow.DROP_NEWEST), recorder.handlers());
        return recorder;
    }

    @Bean
    AgentSessions agentSessions(AgentEventStore store, QueueProperties properties, ObjectProvider<Clock> clock) {
        return new AgentSessions(store, properties.zone(), clock.getIfAvailable(Clock::systemUTC));
    }
}
