package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadModeTest {

    private AmiSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    private AmiSimulator started(double timeScale) {
        simulator = new AmiSimulator(SimulatorSettings.defaults().withTimeScale(timeScale));
        simulator.start();
        return simulator;
    }

    @Test
    void everyLoadCallEndsAfterStopAndDrain() throws Exception {
        started(100);
        try (RawAmiClient client = RawAmiClient.loggedIn(simulator.port(), SimulatorSettings.defaults())) {
            simulator.startLoad(LoadProfile.of(400, 50).withDurations(2, 5).withAnswerRate(0.7));
            await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().callsStarted() >= 200);

            simulator.stopLoad();
            await().atMost(Duration.ofSeconds(20)).until(() -> simulator.liveCalls() == 0);

            SimulatorStats stats = simulator.stats();
            assertThat(stats.callsEnded()).isEqualTo(stats.callsStarted());
            assertThat(stats.liveChannels()).isZero();
            assertThat(stats.eventsSent()).isGreaterThan(stats.callsStarted() * 20);
            assertThat(client.closedByServer()).isFalse();
        }
    }

    @Test
    void neverExceedsTheConcurrencyLimit() {
        started(100);
        simulator.startLoad(LoadProfile.of(1000, 50)
                .withDurations(1, 1000)
                .withAnswerRate(1)
                .withLimits(10, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.liveCalls() == 10);

        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(simulator.liveCalls()).isLessThanOrEqualTo(10);
        }
        assertThat(simulator.stats().callsStarted()).isEqualTo(10);
    }

    @Test
    void startsCallsAtTheRequestedRealTimeRate() {
        started(1000);
        // the test's own real-time clock: one second passes in steps of 50 ms, each worth ten calls at 200 a second,
        // however slowly the machine runs the ticks
        AtomicLong realMicros = new AtomicLong(1_000_000);
        simulator.startLoad(LoadProfile.of(200, 50).withDurations(1, 1), realMicros::get);
        for (int step = 1; step <= 20; step++) {
            realMicros.addAndGet(50_000);
            long due = step * 10L - 1; // less one: ten times 0.05 s of credit may round to just under a call
            await("call " + due + " started")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> simulator.stats().callsStarted() >= due);
        }
        simulator.stopLoad();

        assertThat(simulator.stats().callsStarted()).isBetween(199L, 200L);
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.liveCalls() == 0);
    }

    @Test
    void callersNobodyAnswersLeaveAfterTheQueueTimeout() {
        started(1000);
        simulator.startLoad(LoadProfile.of(100, 1)
                .withDurations(1, 100_000)
                .withAnswerRate(1)
                .withLimits(0, 3));

        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().callsEnded() == 2);
        assertThat(simulator.liveCalls()).isEqualTo(1);
    }

    @Test
    void stopsAfterTheTotalNumberOfCallsWithAboutFortyEventsEach() {
        started(1000);
        simulator.startLoad(
                LoadProfile.of(1000, 100).withDurations(2, 10).withAnswerRate(1).withLimits(0, 300));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> simulator.stats().callsEnded() == 300 && simulator.liveCalls() == 0);

        SimulatorStats stats = simulator.stats();
        assertThat(stats.callsStarted()).isEqualTo(300);
        assertThat(stats.eventsSent() / stats.callsEnded()).isBetween(35L, 60L);
    }
}
