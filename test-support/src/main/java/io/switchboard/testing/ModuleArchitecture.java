package io.switchboard.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The checks every module runs on its production classes; a module's architecture test extends it and adds what only
 * that module must keep (which other modules' packages it may use).
 */
public abstract class ModuleArchitecture {

    /** Imported once per test class: the module's own {@code target/classes}. */
    protected final JavaClasses classes = ArchitectureRules.thisModule();

    /** The cycle rule as this module states it (a module may name a known cycle while it is being taken apart). */
    protected ArchRule packageCycles() {
        return ArchitectureRules.noPackageCycles();
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        packageCycles().check(classes);
    }

    @Test
    void featuresUseEachOtherOnlyThroughTheirApi() {
        ArchitectureRules.featuresUseOnlyEachOthersApi().check(classes);
    }
}
