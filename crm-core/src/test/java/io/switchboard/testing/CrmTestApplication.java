package io.switchboard.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEventBus;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The crm-core packages as the application wires them (agent-api scans all of {@code io.switchboard}), without
 * the gateway (its event bus aside). The database comes from {@link EmbeddedPostgresConfiguration} or from test properties (H2).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(
        basePackages = {
            "io.switchboard.contact",
            "io.switchboard.directory",
            "io.switchboard.activity",
            "io.switchboard.ticket",
            "io.switchboard.campaign",
            "io.switchboard.knowledge"
        })
// Like @SpringBootApplication's scan: test classes' own @TestConfiguration classes stay out of other tests' contexts.
@ComponentScan(
        basePackages = {
            "io.switchboard.contact",
            "io.switchboard.directory",
            "io.switchboard.activity",
            "io.switchboard.ticket",
            "io.switchboard.campaign",
            "io.switchboard.backup",
            "io.switchboard.knowledge"
        },
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class CrmTestApplication {

    /** Lets tests read the counters the packages keep. */
    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** The time the ticket package sees: tests set it and move it on (SLA clocks, escalations). */
    @Bean
    TestClock clock() {
        return new TestClock(Instant.now());
    }

    /** Escalation notices, kept for tests to read. */
    @Bean
    RecordingNotifier recordingNotifier() {
        return new RecordingNotifier();
    }

    /** The gateway's bus, without the gateway: tests publish the call events a PBX would cause. */
    @Bean(destroyMethod = "close")
    CallEventBus callEventBus(SimpleMeterRegistry meterRegistry) {
        return new CallEventBus(meterRegistry);
    }
}
