package dev.hookstub.conformance.suite;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the conformance report when the test plan has finished, whatever the outcome of the tests (so a failing
 * build still leaves its report behind). Registered through {@code META-INF/services}.
 */
public final class ConformanceReportListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (ConformanceReport.isEmpty()) {
            return; // no check ran in this JVM (e.g. only unit tests were selected): keep the last report
        }
        System.out.println(ConformanceReport.writeTo(ConformanceReport.directory()));
    }
}
