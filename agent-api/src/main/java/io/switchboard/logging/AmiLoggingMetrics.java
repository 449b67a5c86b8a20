package io.switchboard.logging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the AMI field values the logging configuration silences visible to operators as a metric. */
@Configuration(proxyBeanMethods = false)
class AmiLoggingMetrics {

    @Bean
    MeterBinder unparsableAmiValues() {
        return registry -> FunctionCounter.builder(
                        "switchboard.ami.events.malformed", UnparsableAmiValues.class, c -> UnparsableAmiValues.count())
                .description("AMI event field values Asterisk-Java could not parse (the field is left unset)")
                .register(registry);
    }
}
