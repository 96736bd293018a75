package dev.hookstub.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between server-impl's packages: the root package is the composition root and nothing depends on it;
 * the packages below it form no cycle; shared plumbing knows no API; each API package knows no other.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.hookstub.server";
    private static final String[] APIS = {"mijnklantportaal", "equalsmoney", "partoo", "mollie"};
    private static final String[] PLUMBING = {"store", "auth", "error", "json", "clock", "spec", "validation",
            "config", "delivery", "fault"};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void thePackagesBelowTheRootAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingDependsOnTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(classes);
    }

    @Test
    void sharedPlumbingNeverDependsOnAnApiPackage() {
        noClasses().that().resideInAnyPackage(packages(PLUMBING))
                .should().dependOnClassesThat().resideInAnyPackage(packages(APIS))
                .check(classes);
    }

    @Test
    void apiPackagesNeverDependOnEachOther() {
        for (String api : APIS) {
            for (String other : APIS) {
                if (!api.equals(other)) {
                    noClasses().that().resideInAPackage(ROOT + "." + api + "..")
                            .should().dependOnClassesThat().resideInAPackage(ROOT + "." + other + "..")
                            .check(classes);
                }
            }
        }
    }

    private static String[] packages(String[] names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = ROOT + "." + names[i] + "..";
        }
        return packages;
    }
}
