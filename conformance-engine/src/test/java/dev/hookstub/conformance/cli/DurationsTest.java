package dev.hookstub.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations as docs/check.md gives them: a unit or none (seconds, as curl's --max-time, decimals included). */
class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "5s, 5000", "5, 5000", "1.5, 1500", "0.5, 500", "0.25s, 250", "2m, 120000",
            "1.5h, 5400000", "2.5ms, 2", "' 3 s ', 3000"})
    void aDurationIsReadAsWritten(String text, long millis) throws Exception {
        assertEquals(millis, Durations.parse("--max-response-time", text).toMillis(), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"soon|must be a duration such as 500ms, 5s, 1.5 or 2m, got 'soon'",
            "-1|must be a duration", "1.|must be a duration", "5 days|must be a duration",
            "0|must be more than zero", "0.0000000001|must be more than zero",
            "99999999999999999999h|out of range"})
    void whatIsNoDurationIsSaidSo(String text, String because) {
        CheckCommand.UsageException refused = assertThrows(CheckCommand.UsageException.class,
                () -> Durations.parse("--max-response-time", text));
        assertTrue(refused.getMessage().startsWith("--max-response-time "), refused.getMessage());
        assertTrue(refused.getMessage().contains(because), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0.001, 1000000"})
    void aFractionOfASecondKeepsItsNanoseconds(String text, long nanos) throws Exception {
        assertEquals(Duration.ofNanos(nanos), Durations.parse("--request-timeout", text));
    }
}
