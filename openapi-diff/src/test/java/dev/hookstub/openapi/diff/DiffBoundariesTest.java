package dev.hookstub.openapi.diff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The diff is a library beside openapi-core: it uses the core and nothing else of hookstub (the command hands it the
 * presets), and the core never uses it. conformance-tests' architecture test does not see this module.
 */
class DiffBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hookstub");

    @Test
    void theDiffKnowsOnlyTheOpenApiCoreOfHookstub() {
        noClasses().that().resideInAPackage("dev.hookstub.openapi.diff..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hookstub.server..",
                        "dev.hookstub.conformance..", "dev.hookstub.client..", "dev.hookstub.api..",
                        "dev.hookstub.junit..", "dev.hookstub.cli..", "org.junit..")
                .check(CLASSES);
    }

    @Test
    void theCoreNeverUsesTheDiff() {
        noClasses().that().resideInAPackage("dev.hookstub.openapi")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstub.openapi.diff..")
                .check(CLASSES);
    }
}
