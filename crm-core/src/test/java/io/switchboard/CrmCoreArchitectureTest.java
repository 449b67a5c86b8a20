package io.switchboard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.switchboard.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

class CrmCoreArchitectureTest extends ModuleArchitecture {

    /**
     * The CRM builds on the call model (and the worker a queued subscription runs on) only, not on how calls reach it
     * (AMI, webhook) or desktops (edge).
     */
    @Test
    void usesOnlyTheGatewaysCallModel() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("io.switchboard.gateway..")
                        .and(not(resideInAnyPackage(
                                "io.switchboard.gateway.call",
                                "io.switchboard.gateway.worker",
                                "io.switchboard.gateway.cluster"))))
                .check(classes);
    }
}
