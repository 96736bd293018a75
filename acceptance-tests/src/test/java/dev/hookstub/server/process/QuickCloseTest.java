package dev.hookstub.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookstub.junit.Hookstub;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stub started and closed within a second, as a test's often is: the Jersey builds, which begin after a second of
 * idleness, found their thread shut down and threw on a thread of their own, a stack trace in the test's output.
 */
class QuickCloseTest {

    @Test
    void aStubClosedBeforeItsBuildsBeganLeavesNoUncaughtException() throws InterruptedException {
        List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
        try {
            for (int i = 0; i < 3; i++) {
                Hookstub.start(Hookstub.defaultConfig()).close();
            }
            // The idle second after which the builds begin, and some.
            Thread.sleep(1_800);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), uncaught);
    }
}
