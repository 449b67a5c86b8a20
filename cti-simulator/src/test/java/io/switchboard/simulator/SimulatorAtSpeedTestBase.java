package io.switchboard.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One simulator for all of a test class's scenarios, its time running 1,000 times faster than real time so that a
 * call of minutes plays in a fraction of a second; clients log in to {@link #port} with {@link #SETTINGS}.
 */
abstract class SimulatorAtSpeedTestBase {

    static final SimulatorSettings SETTINGS = SimulatorSettings.defaults().withTimeScale(1000);
    static AmiSimulator simulator;
    static int port;

    @BeforeAll
    static void startTheSimulator() {
        simulator = new AmiSimulator(SETTINGS);
        port = simulator.start();
    }

    @AfterAll
    static void stopTheSimulator() {
        simulator.close();
    }
}
