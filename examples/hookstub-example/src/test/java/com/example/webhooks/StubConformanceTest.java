package com.example.webhooks;

import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.ConformanceTests;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance checks as part of this project's own suite: here against the stub the extension starts; point the
 * target at any server that claims the Mollie API (a sandbox, a mock of your own) to check that one instead.
 */
@HookstubTest
class StubConformanceTest {

    @TestFactory
    Stream<DynamicTest> theStubKeepsTheMollieContract(Hookstub hookstub) {
        return hookstub.conformanceTests(Preset.MOLLIE);
    }

    @TestFactory
    Stream<DynamicTest> anyServerCanBeCheckedAgainstAnySpec(Hookstub hookstub) {
        RunTarget partoo = RunTarget.of(hookstub.serverUrl(Preset.PARTOO), "partoo_test_key")
                .withSecondCredential("partoo_other_key")
                .withWebhookId("1");
        return ConformanceTests.of(Preset.PARTOO.spec(), partoo);
    }
}
