package io.switchboard.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The crm-core packages as the application wires them (agent-api scans all of {@code io.switchboard}), without
 * the gateway. The database comes from {@link EmbeddedPostgresConfiguration} or from test properties (H2).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = {"io.switchboard.contact", "io.switchboard.directory"})
@ComponentScan(basePackages = {"io.switchboard.contact", "io.switchboard.directory"})
public class CrmTestApplication {}
