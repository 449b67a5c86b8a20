package io.switchboard.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import io.switchboard.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

class SimulatorArchitectureTest extends ModuleArchitecture {

    /** It stands in for Asterisk: it talks AMI on the wire and knows nothing of the gateway that connects to it. */
    @Test
    void usesNothingOfSwitchboardButItself() {
        classes()
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("io.switchboard..").or(resideInAPackage("io.switchboard.simulator..")))
                .check(classes);
    }
}
