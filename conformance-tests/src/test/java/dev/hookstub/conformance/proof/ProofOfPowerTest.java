package dev.hookstub.conformance.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookstub.conformance.checks.CaseFailure;
import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.cli.CheckCommand;
import dev.hookstub.conformance.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SecurityScheme;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves each check can fail: the same runs the suite makes are pointed at the stub behind a {@link
 * FaultInjectingProxy}, one fault at a time, and each fault must be caught by the check that names it (for schema
 * faults, at the JSON pointer of the broken member). With no fault, every check passes. Runs against the stub only.
 */
@ConformanceTest({Preset.MIJNKLANTPORTAAL, Preset.EQUALSMONEY, Preset.PARTOO, Preset.MOLLIE})
class ProofOfPowerTest {

    /** Fewer generated requests than the suite sends: each fault only has to show up once. */
    private static final RunSettings SETTINGS = RunSettings.fromSystemProperties()
            .withGeneratedCases(3).withoutBoundaryValues();
    private static final List<Preset> ALL = List.of(Preset.values());

    private static FaultInjectingProxy proxy;
    private static ConformanceTarget broken;
    private static Map<String, Map.Entry<String, String>> validCredentials;
    private static Map<String, String> otherCredentials;

    @BeforeAll
    static void startProxyInFrontOfTheStub(ConformanceTarget target) throws Exception {
        assumeFalse(target.external(), "needs the stub this suite starts, to put the proxy in front of it");
        proxy = new FaultInjectingProxy(target.stubLayoutBaseUrl());
        broken = ConformanceTarget.from(proxy.baseUrl());
        validCredentials = new LinkedHashMap<>();
        otherCredentials = new LinkedHashMap<>();
        for (Preset api : Preset.values()) {
            SecurityScheme scheme = target.securityScheme(api);
            String prefix = URI.create(broken.serverUrl(api)).getPath();
            validCredentials.put(prefix, Map.entry(scheme.header(), scheme.headerValue(target.credential(api))));
            api.stubSecondCredential().ifPresent(other -> otherCredentials.put(prefix, scheme.headerValue(other)));
        }
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    static Stream<Arguments> faults() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return Stream.of(
                caught("a required field dropped", Faults.dropMember("id"),
                        List.of(Preset.EQUALSMONEY, Preset.PARTOO, Preset.MOLLIE), Check.RESPONSE_SCHEMA_CONFORMANCE, "/id"),
                caught("a wrong type (org_id as a string)", Faults.setMember("org_id", "1", "writes org_id as text"),
                        List.of(Preset.PARTOO), Check.RESPONSE_SCHEMA_CONFORMANCE, "/org_id"),
                caught("a wrong type (enabled as a string)", Faults.setMember("enabled", "true", "writes enabled as text"),
                        List.of(Preset.EQUALSMONEY), Check.RESPONSE_SCHEMA_CONFORMANCE, "/enabled"),
                caught("null where not allowed", Faults.nullMember("url"),
                        List.of(Preset.MIJNKLANTPORTAAL, Preset.PARTOO, Preset.MOLLIE), Check.RESPONSE_SCHEMA_CONFORMANCE, "/url"),
                caught("an undeclared status", Faults.successStatus(202), ALL, Check.STATUS_CODE_CONFORMANCE, null),
                caught("a wrong content type", Faults.contentType("text/plain"), ALL, Check.CONTENT_TYPE_CONFORMANCE, null),
                caught("auth ignored", (FaultFactory) Faults::ignoreAuth, ALL, Check.IGNORED_AUTH, null),
                // Equals Money's spec declares no error body: any shape is its own, and nothing to catch.
                caught("an error body in the wrong shape", Faults.errorBodyAsList(),
                        List.of(Preset.MIJNKLANTPORTAAL, Preset.PARTOO, Preset.MOLLIE),
                        Check.RESPONSE_SCHEMA_CONFORMANCE, null),
                caught("another API's error format", Faults.errorBodyOfAnotherApi(),
                        List.of(Preset.MIJNKLANTPORTAAL, Preset.PARTOO), Check.RESPONSE_SCHEMA_CONFORMANCE, null),
                caught("an enum value not in the spec", Faults.setMember("event_type", json.textNode("lead_lost"),
                        "writes event_type lead_lost"), List.of(Preset.PARTOO), Check.RESPONSE_SCHEMA_CONFORMANCE, "/event_type"),
                caught("a server error", Faults.crashOnInvalidInput(), ALL, Check.NOT_A_SERVER_ERROR, null),
                caught("invalid input accepted", Faults.acceptInvalidInput(), ALL, Check.NEGATIVE_DATA_REJECTION, null),
                caught("valid input rejected", Faults.rejectValidInput(), ALL, Check.POSITIVE_DATA_ACCEPTANCE, null),
                caught("created records lost", Faults.forgetCreatedRecords(), List.of(Preset.MIJNKLANTPORTAAL),
                        Check.ENSURE_RESOURCE_AVAILABILITY, null),
                caught("undocumented methods served", Faults.everyMethodIsGet(), ALL, Check.UNSUPPORTED_METHOD, null),
                caught("tenants not kept apart",
                        (FaultFactory) credentials -> Faults.tenantsShareRecords(credentials, otherCredentials),
                        List.of(Preset.MIJNKLANTPORTAAL, Preset.EQUALSMONEY, Preset.PARTOO), Check.TENANT_ISOLATION,
                        null));
    }

    /** The credentials of each API are known only once the proxy runs, so faults are made from them then. */
    private interface FaultFactory extends Function<Map<String, Map.Entry<String, String>>, Fault> {
    }

    private static Arguments caught(String name, Fault fault, List<Preset> apis, Check check, String pointer) {
        return caught(name, credentials -> fault, apis, check, pointer);
    }

    private static Arguments caught(String name, FaultFactory fault, List<Preset> apis, Check check, String pointer) {
        return Arguments.of(name, fault, apis, check, pointer);
    }

    @ParameterizedTest(name = "{0} is caught by {3}")
    @MethodSource("faults")
    void eachFaultIsCaughtByTheCheckThatNamesIt(String name, FaultFactory fault, List<Preset> apis, Check check,
            String pointer) {
        proxy.inject(fault.apply(validCredentials));
        for (Preset api : apis) {
            RunResult run = run(api);
            List<CheckResult> caught = run.failed().stream().filter(result -> result.check() == check).toList();
            assertFalse(caught.isEmpty(), () -> api.id() + ": " + name + " was not caught by " + check.checkName()
                    + "; failed checks: " + run.failed().stream().map(CheckResult::displayName).toList());
            caught.forEach(result -> assertTrue(result.displayName().endsWith(" " + check.checkName())
                    && result.failureText().contains(check.checkName()), result::displayName));
            if (pointer != null) {
                List<String> pointers = caught.stream().flatMap(result -> result.failures().stream())
                        .flatMap(failure -> failure.violations().stream()).map(v -> v.pointer()).distinct().toList();
                assertTrue(pointers.contains(pointer), () -> api.id() + ": " + name + " caught, but not at " + pointer
                        + "; violations at " + pointers);
            }
        }
    }

    @Test
    void theUnbrokenStubBehindTheProxyPassesEveryCheck() {
        proxy.inject(Faults.none());
        for (Preset api : Preset.values()) {
            RunResult run = run(api);
            assertEquals(List.of(), run.failed().stream().map(CheckResult::failureText).toList(), api.id());
            assertTrue(run.count(CheckResult.Outcome.PASSED) > 0, api.id());
        }
    }

    @Test
    void theReportShowsFailingRequestsWithCredentialsAndSecretsMasked(ConformanceTarget target) {
        proxy.inject(Faults.rejectValidInput());
        List<RunResult> runs = List.of(run(Preset.MIJNKLANTPORTAAL), run(Preset.PARTOO));
        String markdown = Reports.markdown(runs);
        String xml = Reports.xml(runs);
        for (String report : List.of(markdown, xml)) {
            for (Preset api : List.of(Preset.MIJNKLANTPORTAAL, Preset.PARTOO)) {
                assertFalse(report.contains(target.credential(api)), api.id() + " credential leaked");
            }
        }
        assertTrue(markdown.contains("header: `Authorization: Bearer ***`"), markdown);
        assertTrue(markdown.contains("header: `x-APIKey: ***`"), markdown);
        assertTrue(markdown.contains("\"secret\":\"***\""), "MijnKlantportaal's webhook secret is masked");
        List<CaseFailure> rejected = runs.get(0).failed().stream()
                .filter(result -> result.check() == Check.POSITIVE_DATA_ACCEPTANCE)
                .flatMap(result -> result.failures().stream()).toList();
        CaseFailure create = rejected.stream().filter(f -> f.request().method().equals("POST")).findFirst().orElseThrow();
        assertEquals(422, create.response().status());
        assertTrue(create.request().body().contains("\"url\""), create.request().body());
        assertTrue(xml.contains("name=\"mijnklantportaal create-webhook positive_data_acceptance\""), xml);
    }

    @Test
    void theCheckCommandFailsNamingTheCheckAgainstTheBrokenStubAndPassesAgainstTheWholeOne() {
        proxy.inject(Faults.dropMember("id"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int broke = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("--spec", "mollie", "--base-url", broken.serverUrl(Preset.MOLLIE), "--seed", "3", "--cases", "3");
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(CheckCommand.FAILED, broke, output);
        assertTrue(output.contains("FAIL mollie get-webhook response_schema_conformance"), output);
        proxy.inject(Faults.none());
        out.reset();
        int whole = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("--spec", "mollie", "--base-url", broken.serverUrl(Preset.MOLLIE), "--seed", "3", "--cases", "3");
        assertEquals(CheckCommand.PASSED, whole, out.toString(StandardCharsets.UTF_8));
    }

    private static RunResult run(Preset api) {
        return new ConformanceRun(api.spec(), broken.runTarget(api), SETTINGS).run();
    }

}
