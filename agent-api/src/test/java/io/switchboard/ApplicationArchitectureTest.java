package io.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.testing.ModuleArchitecture;
import java.util.Set;
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

    /**
     * Desktops are reached through {@code io.switchboard.desktop.Desktops}, which also sends to the other nodes' edges: a service calling
     * the edge's sending methods itself would reach only the desktops of its own node.
     */
    @Test
    void onlyTheDesktopDeliveryCallsTheEdgesSendingMethods() {
        Set<String> sending = Set.of("sendToUser", "publish", "retain", "release", "endLogin", "endUser", "resumeUser");
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.switchboard.desktop.Desktops")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a sending method of CtiEdge",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(CtiEdge.class)
                                && sending.contains(call.getName())))
                .check(classes);
    }
}
