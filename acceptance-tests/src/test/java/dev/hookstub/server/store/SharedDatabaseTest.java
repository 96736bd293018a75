package dev.hookstub.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances on one real PostgreSQL database behave as one stub. Instance {@code a} answers reads on the fast
 * path, {@code b} through Jersey alone, so each check covers both.
 */
@Timeout(120)
class SharedDatabaseTest {

    private static final String ADMIN = "Bearer admin_test_key";
    private static final String MKP = "Bearer mkp_test_key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 32;
    private static final int PER_THREAD = Integer.getInteger("shared.perThread", 1000);

    private static PostgresServer postgres;
    private static String url;
    private static Hookstub a;
    private static Hookstub b;
    private static HookstubHttp httpA;
    private static HookstubHttp httpB;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.shared();
        url = postgres.newDatabase();
        // Both at once on a fresh database: each races to migrate and to seed.
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<Hookstub> first = starting.submit(() -> Hookstub.start(config()));
            Future<Hookstub> second = starting.submit(() -> Hookstub.start(config().withFastPath(false)));
            a = first.get();
            b = second.get();
        } finally {
            starting.shutdown();
        }
        httpA = a.http();
        httpB = b.http();
    }

    private static ServerConfig config() {
        return Hookstub.defaultConfig().withDatabase(postgres.settings(url));
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @BeforeEach
    void reset() {
        assertEquals(204, httpA.post("/__admin/reset", null, "Authorization", ADMIN).statusCode());
    }

    @Test
    void twoInstancesStartedTogetherOnAFreshDatabaseSeedEachFixtureOnce() throws Exception {
        // The reset before each test would hide a double seeding by the two started in start(): four more start
        // together on a database of their own, and each must find one copy of each fixture.
        for (String api : StubServer.API_IDS) {
            JsonNode listA = JSON.readTree(httpA.get("/__admin/" + api + "/webhooks", "Authorization", ADMIN).body());
            JsonNode listB = JSON.readTree(httpB.get("/__admin/" + api + "/webhooks", "Authorization", ADMIN).body());
            assertEquals(1, listA.size(), api + ": " + listA);
            assertEquals(listA, listB, api);
        }
        String fresh = postgres.newDatabase();
        List<Callable<Hookstub>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(() -> Hookstub.start(Hookstub.defaultConfig().withDatabase(postgres.settings(fresh))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Hookstub> started = new ArrayList<>();
        try {
            for (Future<Hookstub> future : pool.invokeAll(starts)) {
                started.add(future.get());
            }
            for (Hookstub stub : started) {
                HookstubHttp http = stub.http();
                for (String api : StubServer.API_IDS) {
                    JsonNode list = JSON.readTree(http.get("/__admin/" + api + "/webhooks", "Authorization", ADMIN).body());
                    assertEquals(1, list.size(), api + " seeded more than once: " + list);
                }
            }
        } finally {
            pool.shutdown();
            started.forEach(Hookstub::close);
        }
    }

    @Test
    void concurrentCreatesOverBothInstancesGetDistinctIdsEachReadableFromBoth() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                HookstubHttp http = t % 2 == 0 ? httpA : httpB;
                int thread = t;
                threads.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        HttpResponse<String> created = http.post("/mijnklantportaal/v1/webhooks",
                                "{\"url\": \"https://example.com/" + thread + "/" + i + "\", \"type\": \"invoice-paid\"}",
                                "Authorization", MKP);
                        if (created.statusCode() != 201) {
                            failures.add(created.statusCode() + " " + created.body());
                        } else {
                            ids.add(JSON.readTree(created.body()).get("id").asText());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("SharedDatabaseTest: %d creates over two instances in %d ms%n", THREADS * PER_THREAD,
                (System.nanoTime() - started) / 1_000_000);
        assertTrue(failures.isEmpty(), failures.size() + " creates failed, e.g. " + failures.peek());
        assertEquals(THREADS * PER_THREAD, ids.size());
        assertEquals(THREADS * PER_THREAD, new HashSet<>(ids).size(), "an id was handed out twice");
        // Each readable from both: every one in each instance's listing, and a sample through each API read path.
        for (HookstubHttp http : List.of(httpA, httpB)) {
            JsonNode list = JSON.readTree(http.get("/__admin/mijnklantportaal/webhooks", "Authorization", ADMIN).body());
            Set<String> listed = new HashSet<>();
            list.forEach(record -> listed.add(record.get("id").asText()));
            assertTrue(listed.containsAll(ids), "an instance does not list every record");
        }
        int n = 0;
        for (String id : ids) {
            if (n++ % 16 == 0) {
                assertEquals(200, httpA.get("/mijnklantportaal/v1/webhooks/" + id, "Authorization", MKP).statusCode());
                assertEquals(200, httpB.get("/mijnklantportaal/v1/webhooks/" + id, "Authorization", MKP).statusCode());
            }
        }
    }

    @Test
    void partooIdsComeFromOneSequenceAcrossInstances() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Long>>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                HookstubHttp http = t % 2 == 0 ? httpA : httpB;
                threads.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        HttpResponse<String> created = http.post("/__admin/partoo/webhooks",
                                "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\"}",
                                "Authorization", ADMIN);
                        assertEquals(201, created.statusCode(), created.body());
                        ids.add(JSON.readTree(created.body()).get("id").asLong());
                    }
                    return ids;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> thread : threads) {
                all.addAll(thread.get());
            }
            // The fixture is id 1: the 800 creates take 2..801, each once.
            assertEquals(800, all.size());
            for (long id = 2; id <= 801; id++) {
                assertTrue(all.contains(id), "id " + id + " was never handed out");
            }
        } finally {
            pool.shutdown();
        }
        HttpResponse<String> next = httpB.post("/__admin/partoo/webhooks",
                "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\", \"id\": 5000}", "Authorization", ADMIN);
        assertEquals(201, next.statusCode(), next.body());
        HttpResponse<String> after = httpA.post("/__admin/partoo/webhooks",
                "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\"}", "Authorization", ADMIN);
        assertEquals(5001, JSON.readTree(after.body()).get("id").asLong(), "an explicit id on b moves a's sequence");
    }

    @Test
    void aRecordDeletedOnOneInstanceIsA404OnTheOtherAtOnce() throws Exception {
        for (HookstubHttp[] pair : new HookstubHttp[][] {{httpA, httpB}, {httpB, httpA}}) {
            HttpResponse<String> created = pair[0].post("/mijnklantportaal/v1/webhooks",
                    "{\"url\": \"https://example.com/d\", \"type\": \"invoice-paid\"}", "Authorization", MKP);
            assertEquals(201, created.statusCode(), created.body());
            String id = JSON.readTree(created.body()).get("id").asText();
            String path = "/mijnklantportaal/v1/webhooks/" + id;
            // Read on the other first, so that whatever it caches of the record is in place before the delete.
            assertEquals(200, pair[1].get(path, "Authorization", MKP).statusCode());
            assertEquals(204, pair[0].delete("/__admin/mijnklantportaal/webhooks/" + id, "Authorization", ADMIN)
                    .statusCode());
            HttpResponse<String> gone = pair[1].get(path, "Authorization", MKP);
            assertEquals(404, gone.statusCode(), gone.body());
        }
    }

    /**
     * The fast path keeps each record's serialised body while the store hands it the same record: a record
     * replaced on the other instance (deleted, then created again under its id with another URL) is served as it
     * is now, by Jersey and the fast path, at once.
     */
    @Test
    void aRecordReplacedOnOneInstanceIsServedAsItIsNowByTheOther() throws Exception {
        String id = "wbh_replacedrecord1";
        String path = "/mijnklantportaal/v1/webhooks/" + id;
        for (HookstubHttp[] pair : new HookstubHttp[][] {{httpB, httpA}, {httpA, httpB}}) {
            for (String url : new String[] {"https://example.com/before", "https://example.com/after"}) {
                pair[0].delete("/__admin/mijnklantportaal/webhooks/" + id, "Authorization", ADMIN);
                HttpResponse<String> created = pair[0].post("/__admin/mijnklantportaal/webhooks",
                        "{\"id\": \"" + id + "\", \"url\": \"" + url + "\", \"type\": \"invoice-paid\"}",
                        "Authorization", ADMIN);
                assertEquals(201, created.statusCode(), created.body());
                HttpResponse<String> read = pair[1].get(path, "Authorization", MKP);
                assertEquals(200, read.statusCode(), read.body());
                assertEquals(url, JSON.readTree(read.body()).get("url").asText(), read.body());
            }
        }
        assertTrue(a.server().fastPathServed("mijnklantportaal") > 0, "instance a's reads were the fast path's");
    }

    @Test
    void aResetOnOneInstanceResetsBoth() throws Exception {
        HttpResponse<String> created = httpB.post("/mijnklantportaal/v1/webhooks",
                "{\"url\": \"https://example.com/r\", \"type\": \"invoice-paid\"}", "Authorization", MKP);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertEquals(201, httpA.post("/__admin/partoo/webhooks",
                "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\"}", "Authorization", ADMIN)
                .statusCode());
        assertEquals(204, httpB.post("/__admin/reset", null, "Authorization", ADMIN).statusCode());
        assertEquals(404, httpA.get("/mijnklantportaal/v1/webhooks/" + id, "Authorization", MKP).statusCode());
        assertEquals(404, httpB.get("/mijnklantportaal/v1/webhooks/" + id, "Authorization", MKP).statusCode());
        assertEquals(1, JSON.readTree(httpA.get("/__admin/mijnklantportaal/webhooks", "Authorization", ADMIN).body())
                .size());
        HttpResponse<String> partoo = httpA.post("/__admin/partoo/webhooks",
                "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\"}", "Authorization", ADMIN);
        assertEquals(2, JSON.readTree(partoo.body()).get("id").asLong(), "the reset restarts Partoo's sequence");
    }

    @Test
    void healthNamesTheStoreAndSaysTheDatabaseAnswers() {
        HttpResponse<String> health = httpA.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\",\"store\":\"postgresql\",\"database\":\"ok\"}", health.body());
    }
}
