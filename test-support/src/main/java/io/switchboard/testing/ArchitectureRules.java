package io.switchboard.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The boundaries every module's architecture test checks on its own production classes (ArchUnit).
 *
 * <p>A <em>feature</em> is the first package below {@code io.switchboard} ({@code contact}, {@code ticket},
 * {@code campaign}, {@code gateway} ...). Its root package is its API; its sub-packages are its internals, except the
 * few {@link #PUBLISHED_SUB_PACKAGES} other features may use. Its storage (stores, row mappers, repositories,
 * queries) and its Spring wiring stay inside it whatever their Java visibility: other features go through the API.
 */
public final class ArchitectureRules {

    static final String ROOT = "io.switchboard.";

    /**
     * Sub-packages that are part of their feature's API: the gateway's call model, its bounded worker (a queued
     * subscriber's delivery) and CTI edge (what the CRM and the application build on), and the campaign's lists,
     * do-not-call register, pacing modes and dialer (the application's campaign pages and API use them).
     */
    public static final Set<String> PUBLISHED_SUB_PACKAGES = Set.of(
            "gateway.call",
            "gateway.worker",
            "gateway.edge",
            "gateway.cluster",
            "campaign.dialer",
            "campaign.dnc",
            "campaign.list",
            "campaign.pacing");

    /** Class names that mark storage and wiring: internals of their feature however visible Java needs them. */
    private static final Pattern STORAGE_OR_WIRING =
            Pattern.compile(".*(Store|Rows|Repository|Queries|Inserts|Configuration)");

    private ArchitectureRules() {}

    /** The production classes of the module the test runs in (Surefire runs in the module's folder). */
    public static JavaClasses thisModule() {
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /** No package (sub-packages included) depends on another that depends back on it, however indirectly. */
    public static SliceRule noPackageCycles() {
        return slices().matching("io.switchboard.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("a cycle makes two packages one, which neither shows");
    }

    /** A feature uses another feature through its root package or a published sub-package, never its internals. */
    public static ArchRule featuresUseOnlyEachOthersApi() {
        return ArchRuleDefinition.classes()
                .that()
                .resideInAPackage("io.switchboard..")
                .should(useOtherFeaturesOnlyThroughTheirApi())
                .because("a feature's sub-packages, storage and wiring are its own; others go through its API");
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughTheirApi() {
        return new ArchCondition<>("use other features only through their root package or a published sub-package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String targetPackage = target.getPackageName();
                    if (!targetPackage.startsWith(ROOT)
                            || feature(targetPackage).equals(from)) {
                        continue;
                    }
                    String relative = targetPackage.substring(ROOT.length());
                    boolean internalPackage = relative.contains(".") && !PUBLISHED_SUB_PACKAGES.contains(relative);
                    boolean storageOrWiring =
                            STORAGE_OR_WIRING.matcher(target.getSimpleName()).matches();
                    if (internalPackage || storageOrWiring) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code contact} for {@code io.switchboard.contact.external}; {@code ""} for {@code io.switchboard} itself. */
    static String feature(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return packageName.equals("io.switchboard") ? "" : packageName;
        }
        String relative = packageName.substring(ROOT.length());
        int dot = relative.indexOf('.');
        return dot < 0 ? relative : relative.substring(0, dot);
    }
}
