package dev.hookstub.server.fault;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two stubs a fault test runs on, as WireMock's {@code AcceptanceTestBase} gives its tests theirs: one whose fast
 * path is on and one where Jersey serves everything, since a rule must sit in front of both. Each is started for
 * the test class and reset before every test.
 */
abstract class WithAndWithoutFastPath {

    @RegisterExtension
    static final HookstubExtension fastStub = HookstubExtension.with(Hookstub.defaultConfig());
    @RegisterExtension
    static final HookstubExtension jerseyStub = HookstubExtension.with(Hookstub.defaultConfig()
            .withFastPath(false));

    static FaultStub fast;
    static FaultStub jersey;

    @BeforeAll
    static void faultStubs() {
        fast = new FaultStub(fastStub.hookstub());
        jersey = new FaultStub(jerseyStub.hookstub());
    }

    static FaultStub stub(boolean fastPath) {
        return fastPath ? fast : jersey;
    }
}
