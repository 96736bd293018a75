package dev.hookstub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options come from the command line, else the environment, else their defaults; mistakes name the option. */
class CommandLineTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private static CommandLine parse(Map<String, String> environment, String... args) {
        return CommandLine.parse(args, environment::get);
    }

    @Test
    void bothSpellingsOfAValueAreRead() {
        CommandLine options = parse(NO_ENVIRONMENT, "--port", "9090", "--host=0.0.0.0");
        assertEquals(9090, options.intValue("--port"));
        assertEquals("0.0.0.0", options.value("--host"));
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment = Map.of("HOOKSTUB_PORT", "7070", "HOOKSTUB_HOST", "::1");
        CommandLine options = parse(environment, "--port", "9090");
        assertEquals(9090, options.intValue("--port"));
        assertEquals("::1", options.value("--host"));
        assertEquals(5, options.intValue("--delivery-retries"));
        assertNull(options.value("--fixtures"));
    }

    @Test
    void aRetryOptionIsSetOnlyWhenGivenOrInTheEnvironmentSoThatTheDocumentedSchedulesAreTheDefault() {
        assertFalse(parse(NO_ENVIRONMENT, new String[0]).isSet("--delivery-retries"));
        assertFalse(parse(Map.of("HOOKSTUB_DELIVERY_RETRIES", ""), new String[0]).isSet("--delivery-retries"));
        assertTrue(parse(NO_ENVIRONMENT, "--delivery-retries", "3").isSet("--delivery-retries"));
        assertTrue(parse(Map.of("HOOKSTUB_DELIVERY_RETRY_DELAY_MS", "10"), new String[0])
                .isSet("--delivery-retry-delay-ms"));
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsUnset() {
        assertEquals(8080, parse(Map.of("HOOKSTUB_PORT", ""), new String[0]).intValue("--port"));
    }

    @Test
    void aValueThatIsNotANumberNamesItsOptionAndWhereItCameFrom() {
        ConfigException fromArgs = assertThrows(ConfigException.class,
                () -> parse(NO_ENVIRONMENT, "--delivery-retry-delay-ms", "soon").longValue("--delivery-retry-delay-ms"));
        assertTrue(fromArgs.getMessage().contains("--delivery-retry-delay-ms"), fromArgs.getMessage());
        assertTrue(fromArgs.getMessage().contains("soon"), fromArgs.getMessage());
        ConfigException fromEnvironment = assertThrows(ConfigException.class,
                () -> parse(Map.of("HOOKSTUB_PORT", "99999999999"), new String[0]).intValue("--port"));
        assertTrue(fromEnvironment.getMessage().contains("HOOKSTUB_PORT"), fromEnvironment.getMessage());
    }

    @Test
    void mistakesAreRefusedNamingWhatIsWrong() {
        assertMessage("--port", "--port");
        assertMessage("--prot", "--prot", "8080");
        assertMessage("serve", "serve");
        assertMessage("--port", "--port", "1", "--port=2");
    }

    @Test
    void helpDescribesEveryOptionWithItsEnvironmentVariable() {
        String help = CommandLine.help();
        for (CommandLine.Option option : CommandLine.OPTIONS) {
            assertTrue(help.contains(option.name() + "=<"), option.name());
            assertTrue(help.contains(option.env()), option.env());
        }
    }

    private static void assertMessage(String mentioned, String... args) {
        ConfigException refused = assertThrows(ConfigException.class, () -> parse(NO_ENVIRONMENT, args));
        assertTrue(refused.getMessage().contains(mentioned), refused.getMessage());
    }

    @Test
    void logRequestsStandsAloneOrTakesAValueAndFallsBackToItsEnvironmentVariable() {
        assertTrue(parse(NO_ENVIRONMENT, "--log-requests", "--port", "1").booleanValue("--log-requests"));
        assertEquals(1, parse(NO_ENVIRONMENT, "--log-requests", "--port", "1").intValue("--port"));
        assertEquals(false, parse(NO_ENVIRONMENT, "--log-requests=false").booleanValue("--log-requests"));
        assertEquals(false, parse(NO_ENVIRONMENT).booleanValue("--log-requests"));
        assertTrue(parse(Map.of("HOOKSTUB_LOG_REQUESTS", "true")).booleanValue("--log-requests"));
        ConfigException wrong = assertThrows(ConfigException.class,
                () -> parse(Map.of("HOOKSTUB_LOG_REQUESTS", "yes")).booleanValue("--log-requests"));
        assertTrue(wrong.getMessage().contains("HOOKSTUB_LOG_REQUESTS"), wrong.getMessage());
    }

    @Test
    void theJournalSizeDefaultsToAThousandPerApi() {
        assertEquals(1000, parse(NO_ENVIRONMENT).intValue("--journal-size"));
        assertEquals(3, parse(Map.of("HOOKSTUB_JOURNAL_SIZE", "3")).intValue("--journal-size"));
        assertEquals(0, parse(NO_ENVIRONMENT, "--journal-size=0").intValue("--journal-size"));
    }
}
