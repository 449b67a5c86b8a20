package io.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.switchboard.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

class ApplicationArchitectureTest extends ModuleArchitecture {

    /** Only the demo starts the simulator; the application otherwise talks to whatever PBX it is given. */
    @Test
    void onlyTheDemoUsesTheSimulator() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.switchboard.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.switchboard.simulator..")
                .check(classes);
    }
}
