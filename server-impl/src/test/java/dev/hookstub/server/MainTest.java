package dev.hookstub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong flag or an unreadable file: one line naming the problem, exit status 2, no stack trace. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownFlagIsOneLineAndExit2() {
        assertRefused(new String[]{"--bogus"}, "--bogus");
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        assertRefused(new String[]{"--port", "eighty"}, "eighty");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertRefused(new String[]{"--port", "70000"}, "--port");
    }

    @Test
    void aHostBeyondLoopbackWithTheDefaultAdminTokenIsRefused() {
        assertRefused(new String[]{"--host", "0.0.0.0", "--port", "0"}, "0.0.0.0", "--admin-token", "admin_test_key");
    }

    @Test
    void aNegativeJournalSizeIsRefused() {
        assertRefused(new String[]{"--journal-size", "-1", "--port", "0"}, "--journal-size");
    }

    @Test
    void aDatabaseThatIsNotPostgresqlIsRefusedWithoutItsQuery() {
        assertRefused(new String[]{"--port", "0", "--database", "jdbc:mysql://db/x?password=my_Pw2sEcReT"},
                "--database", "jdbc:postgresql:", "jdbc:mysql://db/x");
        StringWriter err = new StringWriter();
        Main.run(new String[]{"--port", "0", "--database", "jdbc:mysql://db/x?password=my_Pw2sEcReT"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertFalse(err.toString().contains("my_Pw2sEcReT"), err.toString());
    }

    @Test
    void aDatabaseAndADataDirTogetherAreRefused() {
        assertRefused(new String[]{"--port", "0", "--database", "jdbc:postgresql://127.0.0.1:1/x", "--data-dir",
                "/tmp/hookstub-never"}, "--database", "--data-dir");
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingItAndExit2() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertRefused(new String[]{"--port", "0", "--database", "jdbc:postgresql://127.0.0.1:" + closed + "/x",
                "--database-user", "u", "--database-password", "db_Pw3sEcReT"},
                "jdbc:postgresql://127.0.0.1:" + closed + "/x", "refused");
    }

    @Test
    void anEmptyHostIsRefused() {
        assertRefused(new String[]{"--host=", "--port", "0"}, "--host");
    }

    @Test
    void anUnreadableCredentialsFileIsNamed() {
        assertRefused(new String[]{"--credentials", dir.resolve("missing.yaml").toString(), "--port", "0"}, "missing.yaml");
    }

    @Test
    void aBadFixtureFileStopsTheStartNamingFileAndField() throws IOException {
        Files.writeString(dir.resolve("partoo.json"), "[{\"url\": \"https://example.com/p\"}]");
        assertRefused(new String[]{"--fixtures", dir.toString(), "--port", "0"}, "partoo.json", "event_type");
    }

    @Test
    void aFixtureThatBreaksTheApisSchemaStopsTheStartNamingFileAndField() throws IOException {
        // Fixtures are seeded without the admin view of the record, but held to the schema all the same.
        Files.writeString(dir.resolve("mijnklantportaal.json"),
                "[{\"url\": \"https://example.com/h\", \"type\": \"customer-created\", \"secret\": 5}]");
        assertRefused(new String[]{"--fixtures", dir.toString(), "--port", "0"}, "mijnklantportaal.json", "record at index 0",
                "field secret", "schema");
    }

    @Test
    void aFixtureFileForNoApiIsNamed() throws IOException {
        Files.writeString(dir.resolve("stripe.json"), "[]");
        assertRefused(new String[]{"--fixtures", dir.toString(), "--port", "0"}, "stripe.json");
    }

    @Test
    void helpPrintsEveryOptionAndExits0() {
        StringWriter out = new StringWriter();
        int exit = Main.run(new String[]{"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, exit);
        for (String option : new String[]{"--port", "--host", "--credentials", "--fixtures", "--admin-token"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    private static void assertRefused(String[] args, String... mentioned) {
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        String message = err.toString().strip();
        assertEquals(2, exit, message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        for (String word : mentioned) {
            assertTrue(message.contains(word), message);
        }
    }
}
