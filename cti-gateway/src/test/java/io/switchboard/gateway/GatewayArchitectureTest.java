package io.switchboard.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.switchboard.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

class GatewayArchitectureTest extends ModuleArchitecture {

    /** The call model is what the adapters feed and everyone else reads: it knows none of them. */
    @Test
    void theCallModelKnowsNoAdapter() {
        noClasses()
                .that()
                .resideInAPackage("io.switchboard.gateway.call..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.switchboard.gateway.ami..",
                        "io.switchboard.gateway.webhook..",
                        "io.switchboard.gateway.edge..")
                .check(classes);
    }
}
