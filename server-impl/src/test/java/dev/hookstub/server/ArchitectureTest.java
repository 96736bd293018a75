package dev.hookstub.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hookstub.server.api.JerseyAnswerer;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between server-impl's packages: the root package is the composition root and nothing depends on it;
 * the packages below it form no cycle; they are in three layers (the root, the API packages, the plumbing they all
 * use), and plumbing knows neither an API nor the root; each API package knows no other; the transport never
 * reaches into an API's Jersey resources.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.hookstub.server";
    private static final String[] APIS = {"mijnklantportaal", "equalsmoney", "partoo", "mollie"};
    /** Everything below the root that is not an API: what the APIs share, the admin API and the transport. */
    private static final String[] PLUMBING = {"store", "auth", "error", "json", "clock", "spec", "validation",
            "config", "delivery", "fault", "api", "admin", "http", "journal", "operation", "fastpath", "record",
            "proxy"};

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
    void apiPackagesUsePlumbingAndPlumbingUsesNeitherAnApiNorTheRoot() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("composition root").definedBy(ROOT)
                .layer("API").definedBy(packages(APIS))
                .layer("plumbing").definedBy(packages(PLUMBING))
                .whereLayer("composition root").mayNotBeAccessedByAnyLayer()
                .whereLayer("API").mayOnlyBeAccessedByLayers("composition root")
                .whereLayer("plumbing").mayOnlyBeAccessedByLayers("composition root", "API")
                .check(classes);
    }

    /** Else a new package would be in no layer, and the rule above would say nothing of it. */
    @Test
    void everyPackageBelowTheRootIsAnApiOrPlumbing() {
        Set<String> known = new TreeSet<>(List.of(APIS));
        known.addAll(List.of(PLUMBING));
        Set<String> found = new TreeSet<>();
        classes.forEach(type -> {
            String name = type.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                found.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        });
        assertEquals(known, found);
    }

    /**
     * Grizzly's side (the front door, the fast path, fault injection) hands a request to an API's handler, never to
     * its resources (the generated resources, in {@code dev.hookstub.api}, and the answerer they hand requests to), the
     * generated interfaces or their models: what Jersey serves stays Jersey's.
     */
    @Test
    void theTransportNeverDependsOnTheJerseyResourcesOfAnApi() {
        noClasses().that().resideInAnyPackage(ROOT + ".http..", ROOT + ".fastpath..")
                .should().dependOnClassesThat(resideInAPackage("dev.hookstub.api..")
                        .or(assignableTo(JerseyAnswerer.class))
                        .or(resideInAnyPackage(packages(APIS))))
                .check(classes);
    }

    /**
     * How a request travels, in packages: {@code http} is Grizzly's transport, {@code api} what every provider API shares (its Jersey application included),
     * {@code fastpath} the fast path, and {@code operation} the one definition of each operation that Jersey
     * and the fast path both run. The definition knows neither framework (JAX-RS's value types aside, such as the media types
     * error formats name); the transport and the fast path know no Jersey.
     */
    @Test
    void theOperationsKnowNeitherJerseyNorTheFastPath() {
        noClasses().that().resideInAPackage(ROOT + ".operation..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs.container..", "jakarta.ws.rs.ext..",
                        "org.glassfish..",
                        ROOT + ".http..", ROOT + ".api..", ROOT + ".fastpath..")
                .check(classes);
    }

    @Test
    void theTransportAndTheFastPathKnowNoJersey() {
        noClasses().that().resideInAnyPackage(ROOT + ".http..", ROOT + ".fastpath..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs.container..",
                        "jakarta.ws.rs.ext..", "org.glassfish.jersey..", ROOT + ".api..")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".http..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".fastpath..")
                .check(classes);
    }

    /**
     * The admin API's routes are its document's, as the provider APIs' are theirs: each resource implements an
     * interface generated from {@code admin.yaml} ({@code dev.hookstub.api.admin}) and declares no path or HTTP method
     * of its own, so Jersey routes by what it inherits, and no route exists that the document does not list.
     */
    @Test
    void adminResourcesImplementTheGeneratedInterfacesAndDeclareNoRoutesOfTheirOwn() {
        classes().that().resideInAPackage(ROOT + "..").and().haveSimpleNameEndingWith("Resource")
                .should().implement(resideInAPackage("dev.hookstub.api.admin"))
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + "..")
                .should().beAnnotatedWith(Path.class)
                .check(classes);
        noMethods().that().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should().beAnnotatedWith(Path.class)
                .orShould().beMetaAnnotatedWith(HttpMethod.class)
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
