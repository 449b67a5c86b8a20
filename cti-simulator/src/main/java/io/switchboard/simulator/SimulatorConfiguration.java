package io.switchboard.simulator;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the built-in AMI simulator when {@code switchboard.simulator.enabled} is true (the demo). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.simulator.enabled", havingValue = "true")
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    AmiSimulator amiSimulator(SimulatorProperties properties, MeterRegistry registry) {
        AmiSimulator simulator = new AmiSimulator(properties.settings(), registry, properties.authLimits());
        simulator.start();
        if (properties.callsPerSecond() > 0) {
            simulator.startLoad(properties.load());
        }
        return simulator;
    }
}
