package dev.hookstub.server.proxy;

import static dev.hookstub.server.proxy.ProxyTest.ADMIN;
import static dev.hookstub.server.proxy.ProxyTest.EQUALS;
import static dev.hookstub.server.proxy.ProxyTest.EQUALS_GET;
import static dev.hookstub.server.proxy.ProxyTest.MKP;
import static dev.hookstub.server.proxy.ProxyTest.MKP_GET;
import static dev.hookstub.server.proxy.ProxyTest.MOLLIE;
import static dev.hookstub.server.proxy.ProxyTest.MOLLIE_GET;
import static dev.hookstub.server.proxy.ProxyTest.PARTOO;
import static dev.hookstub.server.proxy.ProxyTest.PARTOO_GET;
import static dev.hookstub.server.proxy.ProxyTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.error.CapturedLog;
import dev.hookstub.server.journal.SpecViolation;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --record}: what a real upstream (a second stub) answered through the proxy, written as fixtures that a fresh
 * stub started on them ({@code serve --fixtures}) serves back: the same reads, the same bodies.
 */
class FixtureRecordingTest {

    private static final String[] MKP_OTHER = {"Authorization", "Bearer mkp_other_key"};

    /** The real upstream: a second stub, reset before each test. */
    @RegisterExtension
    static final HookstubExtension upstream = HookstubExtension.with(Hookstub.defaultConfig());

    private static Hookstub recordingProxy(Path folder, boolean keepSecrets, String base, ProxyReport report) {
        return Hookstub.start(Hookstub.defaultConfig().withProxy(ProxyTest.everyApiTo(base)
                .withRecording(folder, keepSecrets).withReport(report)));
    }

    @Test
    void aFreshStubOnTheRecordedFixturesAnswersTheSameReadsWithTheSameBodies(@TempDir Path folder) {
        Map<String, String[]> reads = new LinkedHashMap<>();
        reads.put(PARTOO_GET, PARTOO);
        reads.put(MKP_GET, MKP);
        reads.put(EQUALS_GET, EQUALS);
        reads.put(MOLLIE_GET, MOLLIE);
        Map<String, String> answered = new LinkedHashMap<>();
        String otherTenants;
        try (Hookstub proxy = recordingProxy(folder, true, upstream.hookstub().baseUri().toString(), ProxyReport.NONE)) {
            HookstubHttp http = proxy.http();
            reads.forEach((path, credential) -> assertEquals(200, http.get(path, credential).statusCode()));
            // Another tenant's create, read back: its record is that tenant's in the fixtures too.
            HttpResponse<String> created = http.post("/mijnklantportaal/v1/webhooks",
                    "{\"url\":\"https://example.com/t2\",\"type\":\"invoice-paid\"}", MKP_OTHER);
            assertEquals(201, created.statusCode(), created.body());
            otherTenants = "/mijnklantportaal/v1/webhooks/" + json(created.body()).path("id").asText();
            reads.put(otherTenants, MKP_OTHER);
            // The same record seen again in a newer state: written once, as last seen.
            assertEquals(204, upstream.http().delete("/__admin/partoo/webhooks/1", ADMIN).statusCode());
            assertEquals(201, upstream.http().post("/__admin/partoo/webhooks",
                    "{\"id\":1,\"url\":\"https://example.com/newer\",\"event_type\":\"lead_received\",\"org_id\":1}",
                    ADMIN).statusCode());
            // A record read, then deleted at the upstream and read again (404): no longer in the fixtures.
            assertEquals(201, upstream.http().post("/__admin/partoo/webhooks",
                    "{\"id\":7,\"url\":\"https://example.com/gone\",\"event_type\":\"lead_received\",\"org_id\":1}",
                    ADMIN).statusCode());
            assertEquals(200, http.get("/partoo/v2/webhooks/7", PARTOO).statusCode());
            assertEquals(204, upstream.http().delete("/__admin/partoo/webhooks/7", ADMIN).statusCode());
            assertEquals(404, http.get("/partoo/v2/webhooks/7", PARTOO).statusCode());
            reads.forEach((path, credential) -> {
                HttpResponse<String> read = http.get(path, credential);
                assertEquals(200, read.statusCode(), path);
                answered.put(path, read.body());
            });
        }
        assertEquals(List.of("equalsmoney.json", "mijnklantportaal.json", "mollie.json", "partoo.json"),
                files(folder));
        JsonNode partoo = json(read(folder.resolve("partoo.json")));
        assertEquals(1, partoo.size(), partoo.toString());
        assertEquals("https://example.com/newer", partoo.path(0).path("url").asText());
        try (Hookstub fresh = Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(folder, StubServer.API_IDS)))) {
            HookstubHttp http = fresh.http();
            answered.forEach((path, body) -> {
                HttpResponse<String> read = http.get(path, reads.get(path));
                assertEquals(200, read.statusCode(), path + " " + read.body());
                // Mollie's self link is the one thing each server writes for itself: the URL it was asked at.
                assertEquals(body.replace(upstream.hookstub().baseUri().toString(), "<server>"),
                        read.body().replace(fresh.baseUri().toString(), "<server>"), path);
            });
            assertEquals(404, http.get(otherTenants, MKP).statusCode(), "another tenant's record stays its own");
        }
    }

    @Test
    void secretsArePlaceholdersUnlessKept(@TempDir Path folder) {
        try (Hookstub proxy = recordingProxy(folder, false, upstream.hookstub().baseUri().toString(), ProxyReport.NONE)) {
            HookstubHttp http = proxy.http();
            assertEquals(200, http.get(MKP_GET, MKP).statusCode());
            assertEquals(200, http.get(EQUALS_GET, EQUALS).statusCode());
        }
        JsonNode mkp = json(read(folder.resolve("mijnklantportaal.json"))).path(0);
        assertEquals(FixtureRecorder.PLACEHOLDER, mkp.path("secret").asText());
        assertEquals("tenant-1", mkp.path("tenant").asText());
        JsonNode equals = json(read(folder.resolve("equalsmoney.json"))).path(0);
        assertEquals(FixtureRecorder.PLACEHOLDER, equals.path("sharedSecret").asText());
        assertEquals(FixtureRecorder.PLACEHOLDER, equals.path("authorizationHeader").asText());
        assertEquals("da91434a-4026-42ea-84b8-d0317b64af9c", equals.path("id").asText(), "the rest as answered");
        try (Hookstub fresh = Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(folder, StubServer.API_IDS)))) {
            HttpResponse<String> read = fresh.http().get(MKP_GET, MKP);
            assertEquals(FixtureRecorder.PLACEHOLDER, json(read.body()).path("secret").asText());
        }
    }

    @Test
    void aRecordThatBreaksTheSpecIsWrittenAsAnsweredAndFlagged(@TempDir Path folder) throws IOException {
        List<String> flagged = Collections.synchronizedList(new ArrayList<>());
        try (FaultyUpstream faulty = new FaultyUpstream(upstream.hookstub().baseUri());
             Hookstub proxy = recordingProxy(folder, true, faulty.url(), new FlagCollector(flagged))) {
            faulty.inject(answer -> answer.withBody(answer.body().replaceAll("\"url\":\"[^\"]*\",", "")));
            List<LogRecord> lines = CapturedLog.during(ViolationLog.class,
                    () -> assertEquals(200, proxy.http().get(PARTOO_GET, PARTOO).statusCode()));
            assertTrue(lines.stream().anyMatch(line -> line.getMessage().startsWith("partoo record 1 written to the "
                    + "fixtures as the upstream answered it")), lines.toString());
        }
        assertEquals(List.of("partoo 1 response_schema_conformance /url"), flagged);
        JsonNode written = json(read(folder.resolve("partoo.json"))).path(0);
        assertTrue(written.path("url").isMissingNode(), "never changed: " + written);
        ConfigException refused = assertThrows(ConfigException.class, () -> Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(folder, StubServer.API_IDS))).close());
        assertTrue(refused.getMessage().contains("partoo.json: record at index 0 (id 1), field url"), refused.getMessage());
    }

    @Test
    void anotherTenantsOrTheOtherModesNotFoundRemovesNothingTheSameReadsDoes(@TempDir Path folder) {
        try (Hookstub proxy = recordingProxy(folder, true, upstream.hookstub().baseUri().toString(), ProxyReport.NONE)) {
            HookstubHttp http = proxy.http();
            assertEquals(200, http.get(MKP_GET, MKP).statusCode());
            assertEquals(404, http.get(MKP_GET, MKP_OTHER).statusCode(), "another tenant's");
            assertEquals(200, http.get(EQUALS_GET, EQUALS).statusCode());
            assertEquals(404, http.get(EQUALS_GET, "Authorization", "equals_other_key").statusCode(), "another account's");
            assertEquals(200, http.get(MOLLIE_GET, MOLLIE).statusCode());
            String liveMode = MOLLIE_GET.substring(0, MOLLIE_GET.indexOf('?'));
            assertEquals(404, http.get(liveMode, MOLLIE).statusCode(), "the other mode's");
            assertEquals(1, json(read(folder.resolve("mijnklantportaal.json"))).size());
            assertEquals(1, json(read(folder.resolve("equalsmoney.json"))).size());
            assertEquals(1, json(read(folder.resolve("mollie.json"))).size());
            // The read that answered with the record, answered 404: the record is gone.
            assertEquals(204, upstream.http().delete("/__admin/mollie/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH", ADMIN)
                    .statusCode());
            assertEquals(404, http.get(MOLLIE_GET, MOLLIE).statusCode());
            assertEquals(0, json(read(folder.resolve("mollie.json"))).size());
        }
    }

    @Test
    void sandboxKeysTheStubDoesNotKnowTakeItsKeysInTurnAndAThirdSharingATenantIsSaid(@TempDir Path folder) {
        Credentials defaults = Credentials.defaults();
        Credentials sandboxKeys = new Credentials(List.of(new Credentials.MijnklantportaalKey("sandbox_a", "ta"),
                new Credentials.MijnklantportaalKey("sandbox_b", "tb"),
                new Credentials.MijnklantportaalKey("sandbox_c", "tc")), defaults.equalsmoney(), defaults.partoo(),
                defaults.mollie(), defaults.adminToken());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> ids = new LinkedHashMap<>();
        try (Hookstub sandbox = Hookstub.start(Hookstub.defaultConfig().withCredentials(sandboxKeys));
             Hookstub proxy = recordingProxy(folder, true, sandbox.baseUri().toString(), new FlagCollector(notes))) {
            for (String tenant : List.of("a", "b", "c")) {
                HttpResponse<String> created = sandbox.http().post("/__admin/mijnklantportaal/webhooks",
                        "{\"url\":\"https://example.com/" + tenant + "\",\"type\":\"invoice-paid\",\"tenant\":\"t"
                                + tenant + "\"}", ADMIN);
                assertEquals(201, created.statusCode(), created.body());
                String path = "/mijnklantportaal/v1/webhooks/" + json(created.body()).path("id").asText();
                ids.put(tenant, path);
                assertEquals(200, proxy.http().get(path, "Authorization", "Bearer sandbox_" + tenant).statusCode());
            }
        }
        JsonNode written = json(read(folder.resolve("mijnklantportaal.json")));
        List<String> tenants = new ArrayList<>();
        written.forEach(record -> tenants.add(record.path("tenant").asText()));
        assertEquals(List.of("tenant-1", "tenant-2", "tenant-2"), tenants, written.toString());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("read with a 3rd credential under {tenant=tenant-2}"), notes.get(0));
        try (Hookstub fresh = Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(folder, StubServer.API_IDS)))) {
            assertEquals(200, fresh.http().get(ids.get("a"), MKP).statusCode());
            assertEquals(404, fresh.http().get(ids.get("a"), MKP_OTHER).statusCode());
            assertEquals(200, fresh.http().get(ids.get("b"), MKP_OTHER).statusCode());
        }
    }

    @Test
    void aPropertyTheSpecDoesNotDeclareIsLeftOutAndSaidSoThatTheFixturesLoad(@TempDir Path folder) throws IOException {
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        try (FaultyUpstream faulty = new FaultyUpstream(upstream.hookstub().baseUri());
             Hookstub proxy = recordingProxy(folder, true, faulty.url(), new FlagCollector(notes))) {
            faulty.inject(answer -> answer.withBody(answer.body().replaceFirst("\\{", "{\"extra\":{\"a\":1},")));
            HttpResponse<String> read = proxy.http().get(PARTOO_GET, PARTOO);
            assertEquals(200, read.statusCode());
            assertTrue(read.body().contains("\"extra\""), "forwarded as answered: " + read.body());
            assertEquals("", read.headers().firstValue("Hookstub-Violations").orElse(""), "the spec allows it");
        }
        JsonNode written = json(read(folder.resolve("partoo.json"))).path(0);
        assertTrue(written.path("extra").isMissingNode(), written.toString());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("partoo note: Recorded partoo record 1 without extra"), notes.get(0));
        try (Hookstub fresh = Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(folder, StubServer.API_IDS)))) {
            assertEquals(200, fresh.http().get(PARTOO_GET, PARTOO).statusCode());
        }
    }

    @Test
    void aHeaderNamedLikeAnApiKeyIsAPlaceholderToo(@TempDir Path folder) {
        assertEquals(201, upstream.http().post("/__admin/partoo/webhooks", "{\"id\":9,\"url\":\"https://example.com/k\","
                + "\"event_type\":\"lead_received\",\"org_id\":1,\"custom_headers\":{\"X-Api-Key\":\"s3cret\","
                + "\"X-Trace\":\"kept\"}}", ADMIN).statusCode());
        try (Hookstub proxy = recordingProxy(folder, false, upstream.hookstub().baseUri().toString(), ProxyReport.NONE)) {
            assertEquals(200, proxy.http().get("/partoo/v2/webhooks/9", PARTOO).statusCode());
        }
        JsonNode headers = json(read(folder.resolve("partoo.json"))).path(0).path("custom_headers");
        assertEquals(FixtureRecorder.PLACEHOLDER, headers.path("X-Api-Key").asText(), headers.toString());
        assertEquals("kept", headers.path("X-Trace").asText(), headers.toString());
    }

    @Test
    void aFolderWithFixturesIsAddedToAndOneWithOtherJsonIsRefused(@TempDir Path folder) throws IOException {
        try (Hookstub proxy = recordingProxy(folder, true, upstream.hookstub().baseUri().toString(), ProxyReport.NONE)) {
            assertEquals(200, proxy.http().get(PARTOO_GET, PARTOO).statusCode());
        }
        assertEquals(201, upstream.http().post("/__admin/partoo/webhooks", "{\"id\":8,\"url\":\"https://example.com/8\","
                + "\"event_type\":\"lead_received\",\"org_id\":1}", ADMIN).statusCode());
        try (Hookstub proxy = recordingProxy(folder, true, upstream.hookstub().baseUri().toString(), ProxyReport.NONE)) {
            assertEquals(200, proxy.http().get("/partoo/v2/webhooks/8", PARTOO).statusCode());
        }
        List<String> ids = new ArrayList<>();
        json(read(folder.resolve("partoo.json"))).forEach(record -> ids.add(record.path("id").asText()));
        assertEquals(List.of("1", "8"), ids);

        Files.writeString(folder.resolve("mollie.json"), "{\"not\": \"fixtures\"}");
        ConfigException refused = assertThrows(ConfigException.class, () -> recordingProxy(folder, true,
                upstream.hookstub().baseUri().toString(), ProxyReport.NONE).close());
        assertTrue(refused.getMessage().contains("mollie.json is there already and is not an array of records"),
                refused.getMessage());
        assertEquals("{\"not\": \"fixtures\"}", read(folder.resolve("mollie.json")), "left as it was");
    }

    @Test
    void aDeleteTheSpecDoesNotDocumentAnswered2xxAtARecordsPathRemovesIt(@TempDir Path folder) throws IOException {
        try (FaultyUpstream faulty = new FaultyUpstream(upstream.hookstub().baseUri());
             Hookstub proxy = recordingProxy(folder, true, faulty.url(), ProxyReport.NONE)) {
            assertEquals(200, proxy.http().get(PARTOO_GET, PARTOO).statusCode());
            assertEquals(1, json(read(folder.resolve("partoo.json"))).size());
            faulty.inject(answer -> answer.withStatus(204).withBody(""));
            assertEquals(204, proxy.http().delete("/partoo/v2/webhooks/other/1", PARTOO).statusCode());
            assertEquals(1, json(read(folder.resolve("partoo.json"))).size(), "not a record's path");
            assertEquals(204, proxy.http().delete(PARTOO_GET, PARTOO).statusCode());
            assertEquals(0, json(read(folder.resolve("partoo.json"))).size());
        }
    }

    /** Keeps what the recorder flags, as {@code api id check pointer}, and notes, as {@code api note: sentence}. */
    private record FlagCollector(List<String> flagged) implements ProxyReport {

        @Override
        public void exchanged(ProxiedExchange exchange) {
        }

        @Override
        public void flagged(String api, String recordId, List<SpecViolation> violations) {
            violations.forEach(v -> flagged.add(api + " " + recordId + " " + v.check() + " " + v.pointer()));
        }

        @Override
        public void noted(String api, String note) {
            flagged.add(api + " note: " + note);
        }

        @Override
        public Optional<Written> write() {
            return Optional.empty();
        }
    }

    private static List<String> files(Path folder) {
        try (var listed = Files.list(folder)) {
            return listed.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
