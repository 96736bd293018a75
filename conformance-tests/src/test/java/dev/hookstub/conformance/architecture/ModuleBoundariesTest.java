package dev.hookstub.conformance.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the arrows between modules and packages as the README's module table draws them. */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/jersey") && !location.contains("/jackson"))
                .importPackages("dev.hookstub");
    }

    @Test
    void theServerNeverUsesTheClientsOrTheSuite() {
        noClasses().that().resideInAPackage("dev.hookstub.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hookstub.client..", "dev.hookstub.conformance..")
                .check(classes);
    }

    /**
     * The one exception is the admin API's own: its resources, in {@code server.admin}, implement the interfaces
     * generated from its document ({@code dev.hookstub.api.admin}, docs/adr/013), as an API package implements its
     * spec's. They import no provider API's generated package, and no other plumbing package imports the admin's.
     */
    @Test
    void sharedPlumbingNeverImportsAGeneratedApiPackage() {
        noClasses().that().resideInAnyPackage("dev.hookstub.server.store..", "dev.hookstub.server.auth..",
                        "dev.hookstub.server.error..", "dev.hookstub.server.json..", "dev.hookstub.server.clock..",
                        "dev.hookstub.server.validation..", "dev.hookstub.server.spec..", "dev.hookstub.server.http..",
                        "dev.hookstub.server.config..", "dev.hookstub.server.api..",
                        "dev.hookstub.server.record..", "dev.hookstub.server.proxy..",
                        "dev.hookstub.server.delivery..")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.api..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.hookstub.server.admin..")
                .should().dependOnClassesThat(resideInAPackage("dev.hookstub.api..")
                        .and(not(resideInAPackage("dev.hookstub.api.admin.."))))
                .check(classes);
    }

    @Test
    void eachApiPackageKeepsToItself() {
        String[] apis = {"mijnklantportaal", "equalsmoney", "partoo", "mollie"};
        for (String api : apis) {
            for (String other : apis) {
                if (!api.equals(other)) {
                    noClasses().that().resideInAPackage("dev.hookstub.server." + api + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(
                                    "dev.hookstub.server." + other + "..", "dev.hookstub.api." + other + "..")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void generatedCodeDependsOnNothingHandWritten() {
        noClasses().that().resideInAnyPackage("dev.hookstub.api..", "dev.hookstub.client..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hookstub.server..", "dev.hookstub.conformance..")
                .check(classes);
    }

    @Test
    void onlyTheExtensionStartsTheStubTheChecksTalkHttp() {
        noClasses().that().resideInAPackage("dev.hookstub.conformance..")
                .and().doNotHaveFullyQualifiedName("dev.hookstub.conformance.support.StubServerExtension")
                .and().doNotHaveFullyQualifiedName("dev.hookstub.conformance.support.StubServerExtension$RunningStub")
                .and().doNotHaveFullyQualifiedName("dev.hookstub.conformance.support.StubServerExtension$SharedDatabaseStubs")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.server..")
                .check(classes);
    }

    /** The library users depend on: it must know no stub, no generated client and no test framework. */
    @Test
    void theEngineKnowsNoServerNoClientAndNoTestFramework() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.hookstub.server..", "dev.hookstub.client..",
                        "dev.hookstub.api..", "dev.hookstub.junit..", "dev.hookstub.cli..", "org.junit..")
                .check(classes);
    }

    /** The one OpenAPI reader both the stub and the engine may use: it knows neither of them, nor any test framework. */
    @Test
    void theOpenApiCoreKnowsNothingElseOfHookstub() {
        noClasses().that().resideInAPackage("dev.hookstub.openapi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hookstub.server..", "dev.hookstub.conformance..",
                        "dev.hookstub.client..", "dev.hookstub.api..", "dev.hookstub.junit..", "dev.hookstub.cli..",
                        "org.junit..", "io.restassured..")
                .check(classes);
    }

    /** spec <- checks <- report <- cli; presets name shipped specs and nothing else. */
    @Test
    void theEnginesPackagesAreLayered() {
        noClasses().that().resideInAPackage("dev.hookstub.conformance.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hookstub.conformance.checks..",
                        "dev.hookstub.conformance.report..", "dev.hookstub.conformance.preset..",
                        "dev.hookstub.conformance.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.hookstub.conformance.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hookstub.conformance.report..",
                        "dev.hookstub.conformance.preset..", "dev.hookstub.conformance.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.hookstub.conformance.report..", "dev.hookstub.conformance.preset..")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.conformance.cli..")
                .check(classes);
    }

    @Test
    void nothingButTheCommandDependsOnTheCommand() {
        noClasses().that().resideOutsideOfPackage("dev.hookstub.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.cli..")
                .check(classes);
    }

    /** The suites that check our own stub may use the extension's helpers; the stub and the engine never. */
    @Test
    void theServerAndTheEngineNeverUseTheJUnitExtension() {
        noClasses().that().resideInAPackage("dev.hookstub.server..")
                .or().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.junit..")
                .check(classes);
    }

    /**
     * A slice per top package, but for the suite: its classes share the engine's top package
     * ({@code dev.hookstub.conformance}) yet are a module of their own, which starts the stub with the test kit
     * ({@code dev.hookstub.junit}) that uses the engine's presets. Apart from the engine, a cycle through the suite and
     * the kit is the engine depending on either, and that is still found.
     */
    @Test
    void theModulesTopPackagesAreFreeOfCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String name = type.getPackageName();
                if (!name.startsWith("dev.hookstub.")) {
                    return SliceIdentifier.ignore();
                }
                boolean suite = name.startsWith("dev.hookstub.conformance")
                        && Arrays.stream(ENGINE).noneMatch(engine -> (name + ".").startsWith(engine.replace("..", ".")));
                return SliceIdentifier.of(suite ? "conformance-tests" : name.split("\\.")[2]);
            }

            @Override
            public String getDescription() {
                return "the top packages of dev.hookstub, the suite apart from the engine";
            }
        }).should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEnginesPackagesAreFreeOfCycles() {
        slices().matching("dev.hookstub.conformance.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static final String[] ENGINE = {"dev.hookstub.conformance.spec..", "dev.hookstub.conformance.checks..",
            "dev.hookstub.conformance.report..", "dev.hookstub.conformance.preset..", "dev.hookstub.conformance.cli.."};
}
