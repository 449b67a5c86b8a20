package io.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.LoadProfile;
import io.switchboard.simulator.SimulatorProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo's queue, as the shipped {@code application.yml} configures the simulator, played for ten simulated
 * minutes at twenty times real speed over a real AMI socket: the person trying the demo (agent1, extension 2000,
 * ready in queue {@code load}) keeps being rung, and the queue stays healthy rather than full.
 */
class DemoQueueKeepsRingingAgent1Test {

    private static final double TIME_SCALE = 20;
    private static final int MINUTES = 10;
    private static final String AGENT1_INTERFACE = "Local/" + DemoData.AGENT1_EXTENSION + "@";
    /** agent1's member interface in the simulator's queues, as Asterisk's Local channel members are named. */
    private static final String AGENT1_MEMBER = AGENT1_INTERFACE + "agent-sim/n";

    @Test
    void agent1IsRungEverySimulatedMinuteWhileTheQueueStaysHealthy() throws Exception {
        SimulatorProperties demo = demoSimulatorProperties();
        // Calls per second count real seconds and ring/talk times simulated ones: speeding the clock up by the
        // time scale and the arrivals by the same factor plays exactly the demo's traffic, only faster.
        LoadProfile load = demo.load().withCallsPerSecond(demo.load().callsPerSecond() * TIME_SCALE);
        ConcurrentLinkedQueue<Double> agent1Rings = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> holdSeconds = new ConcurrentLinkedQueue<>();
        AtomicInteger mostWaiting = new AtomicInteger();
        AtomicReference<Double> firstCall = new AtomicReference<>();
        AtomicReference<Double> latest = new AtomicReference<>(0.0);
        try (AmiSimulator simulator =
                new AmiSimulator(demo.settings().withPort(0).withTimeScale(TIME_SCALE))) {
            simulator.start();
            ManagerConnection ami = new ManagerConnectionFactory(
                            "127.0.0.1", simulator.port(), demo.username(), demo.secret())
                    .createManagerConnection();
            ami.addEventListener(event -> {
                if (event.getTimestamp() != null) {
                    latest.accumulateAndGet(event.getTimestamp(), Math::max);
                }
                if (event instanceof AgentCalledEvent called
                        && called.getInterface().startsWith(AGENT1_INTERFACE)) {
                    agent1Rings.add(called.getTimestamp());
                } else if (event instanceof AgentConnectEvent connect && "load".equals(connect.getQueue())) {
                    holdSeconds.add(connect.getHoldTime());
                } else if (event instanceof QueueCallerJoinEvent join && "load".equals(join.getQueue())) {
                    firstCall.compareAndSet(null, join.getTimestamp());
                    mostWaiting.accumulateAndGet(join.getCount(), Math::max);
                }
            });
            ami.login();
            try {
                simulator.startLoad(load);
                long realMillis = (long) (MINUTES * 60 * 1000 / TIME_SCALE);
                await().atMost(Duration.ofMillis(realMillis * 3))
                        .until(() -> firstCall.get() != null && latest.get() - firstCall.get() >= MINUTES * 60);
            } finally {
                simulator.stopLoad();
                ami.logoff();
            }
        }

        List<Double> stamps = List.copyOf(agent1Rings);
        double first = firstCall.get();
        Map<Long, Integer> ringsPerMinute = new TreeMap<>();
        for (long minute = 0; minute < MINUTES; minute++) {
            ringsPerMinute.put(minute, 0);
        }
        for (double stamp : stamps) {
            long minute = (long) ((stamp - first) / 60);
            if (minute < MINUTES) {
                ringsPerMinute.merge(minute, 1, Integer::sum);
            }
        }
        List<Long> holds = List.copyOf(holdSeconds);
        long answeredWithin20s = holds.stream().filter(hold -> hold <= 20).count();
        double serviceLevel = holds.isEmpty() ? 0 : (double) answeredWithin20s / holds.size();
        System.out.printf(
                "agent1 rings per simulated minute %s; most callers waiting %d; %d answered, %.0f %% within 20 s%n",
                ringsPerMinute.values(), mostWaiting.get(), holds.size(), serviceLevel * 100);

        assertThat(ringsPerMinute)
                .allSatisfy((minute, rings) -> assertThat(rings)
                        .as("agent1's rings in simulated minute %d", minute)
                        .isGreaterThanOrEqualTo(1));
        assertThat(mostWaiting.get()).as("most callers waiting in queue load").isLessThanOrEqualTo(8);
        assertThat(serviceLevel)
                .as("share of answered calls that waited 20 s or less")
                .isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void pausedAgent1IsNotRungAndIsRungAgainOnceReady() throws Exception {
        SimulatorProperties demo = demoSimulatorProperties();
        LoadProfile load = demo.load().withCallsPerSecond(demo.load().callsPerSecond() * TIME_SCALE);
        ConcurrentLinkedQueue<Double> agent1Rings = new ConcurrentLinkedQueue<>();
        AtomicReference<Double> pausedAt = new AtomicReference<>();
        AtomicReference<Double> readyAt = new AtomicReference<>();
        AtomicReference<Double> latest = new AtomicReference<>(0.0);
        try (AmiSimulator simulator =
                new AmiSimulator(demo.settings().withPort(0).withTimeScale(TIME_SCALE))) {
            simulator.start();
            ManagerConnection ami = new ManagerConnectionFactory(
                            "127.0.0.1", simulator.port(), demo.username(), demo.secret())
                    .createManagerConnection();
            ami.addEventListener(event -> {
                if (event.getTimestamp() != null) {
                    latest.accumulateAndGet(event.getTimestamp(), Math::max);
                }
                if (event instanceof AgentCalledEvent called
                        && called.getInterface().startsWith(AGENT1_INTERFACE)) {
                    agent1Rings.add(called.getTimestamp());
                } else if (event instanceof QueueMemberPauseEvent pause
                        && pause.getInterface().startsWith(AGENT1_INTERFACE)) {
                    (Boolean.TRUE.equals(pause.getPaused()) ? pausedAt : readyAt).set(pause.getTimestamp());
                }
            });
            ami.login();
            try {
                simulator.startLoad(load);
                await().atMost(Duration.ofSeconds(30)).until(() -> !agent1Rings.isEmpty());
                ami.sendAction(new QueuePauseAction(AGENT1_MEMBER, "load", true));
                await().atMost(Duration.ofSeconds(30)).until(() -> pausedAt.get() != null);
                // three simulated minutes pass (the events' own clock proves it) with agent1 paused
                await().atMost(Duration.ofSeconds(60)).until(() -> latest.get() - pausedAt.get() >= 180);
                assertThat(agent1Rings).as("rings after the pause").noneMatch(stamp -> stamp > pausedAt.get());

                ami.sendAction(new QueuePauseAction(AGENT1_MEMBER, "load", false));
                await().atMost(Duration.ofSeconds(30)).until(() -> readyAt.get() != null);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> agent1Rings.stream().anyMatch(stamp -> stamp > readyAt.get())
                                || latest.get() - readyAt.get() > 60);
                assertThat(agent1Rings)
                        .as("rings within a simulated minute of being ready again")
                        .anyMatch(stamp -> stamp > readyAt.get() && stamp - readyAt.get() <= 60);
            } finally {
                simulator.stopLoad();
                ami.logoff();
            }
        }
    }

    /** {@code switchboard.simulator.*} exactly as the shipped application.yml and the properties' defaults set it. */
    private static SimulatorProperties demoSimulatorProperties() throws Exception {
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        yaml.forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment)
                .bind("switchboard.simulator", SimulatorProperties.class)
                .get();
    }
}
