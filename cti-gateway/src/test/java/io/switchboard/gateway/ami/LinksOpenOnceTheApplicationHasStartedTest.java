package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.QueueDefinition;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A PBX link's first listing publishes every agent's state once; whoever subscribes to the call events after it was
 * published never learns them. The campaign dialer counted 0 agents on every node and dialled nothing when a health
 * gauge, created before it, asked for the links: they opened then, and their listings were over before the dialer
 * subscribed. The links now open when the application has started, whichever bean asks for them first.
 */
class LinksOpenOnceTheApplicationHasStartedTest {

    /** How long the late subscriber's bean waits for the listing to be published before subscribing anyway. */
    private static final Duration SLOW_START = Duration.ofSeconds(5);

    private final SimulatorSettings settings = SimulatorSettings.defaults();
    private AmiSimulator simulator;

    @BeforeEach
    void startPbx() {
        simulator = new AmiSimulator(settings);
        simulator.start();
    }

    @AfterEach
    void stopPbx() {
        simulator.close();
    }

    @Test
    void aSubscriberCreatedAfterTheLinksStillLearnsEveryAgentFromTheFirstListing() {
        new ApplicationContextRunner()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(AmiConfiguration.class, LateSubscriberConfiguration.class)
                .withPropertyValues(
                        "switchboard.ami.port=" + simulator.port(),
                        "switchboard.ami.username=" + settings.username(),
                        "switchboard.ami.secret=" + settings.secret())
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    LateSubscriber subscriber = app.getBean(LateSubscriber.class);
                    Set<String> members = settings.queues().stream()
                            .map(QueueDefinition::memberExtensions)
                            .flatMap(List::stream)
                            .collect(Collectors.toSet());
                    assertThat(members).isNotEmpty();
                    await().atMost(Duration.ofSeconds(15))
                            .untilAsserted(() -> assertThat(subscriber.agents).containsAll(members));
                });
    }

    /**
     * A subscriber whose bean is created after {@link PbxLinks} (it needs them, as the node's health gauges do), on a
     * slow start: it subscribes only once the first listing was published, or after {@link #SLOW_START}.
     */
    @Configuration(proxyBeanMethods = false)
    static class LateSubscriberConfiguration {

        @Bean
        LateSubscriber lateSubscriber(PbxLinks links, CallEventBus bus, MeterRegistry registry) {
            assertThat(links.all()).isNotEmpty();
            try {
                await().atMost(SLOW_START).until(() -> agentStatesPublished(registry) > 0);
            } catch (ConditionTimeoutException linksNotOpenYet) {
                // the links open only once every bean is created: nothing was published before this one subscribes
            }
            LateSubscriber subscriber = new LateSubscriber();
            bus.subscribe(
                    "late-subscriber",
                    CallEventDelivery.inline(),
                    CallEventHandlers.none()
                            .on(AgentStateChanged.class, change -> subscriber.agents.add(change.agent())));
            return subscriber;
        }

        private static double agentStatesPublished(MeterRegistry registry) {
            Counter counter = registry.find("switchboard.calls.events")
                    .tag("type", AgentStateChanged.class.getSimpleName())
                    .counter();
            return counter == null ? 0 : counter.count();
        }
    }

    static final class LateSubscriber {
        final Set<String> agents = ConcurrentHashMap.newKeySet();
    }
}
