package dev.hookstub.conformance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

    @Test
    void sharedPlumbingNeverImportsAGeneratedApiPackage() {
        noClasses().that().resideInAnyPackage("dev.hookstub.server.store..", "dev.hookstub.server.auth..",
                        "dev.hookstub.server.error..", "dev.hookstub.server.json..", "dev.hookstub.server.clock..",
                        "dev.hookstub.server.validation..", "dev.hookstub.server.spec..", "dev.hookstub.server.http..",
                        "dev.hookstub.server.config..", "dev.hookstub.server.admin..",
                        "dev.hookstub.server.delivery..")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.api..")
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
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.server..")
                .check(classes);
    }
}
