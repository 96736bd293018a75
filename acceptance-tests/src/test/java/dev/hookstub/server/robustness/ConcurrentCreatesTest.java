package dev.hookstub.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #5: 32 threads × 1,000 creates per API, each read back at once through the API's own GET, end with 32,000
 * distinct ids per API, every record holding what its thread sent; a final admin listing proves that no later
 * create replaced an earlier one. MijnKlantportaal creates through its own API, the other three through the admin
 * API. One shared HTTP/1.1 client with a bounded executor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentCreatesTest {

    private static final int THREADS = Integer.getInteger("creates.threads", 32);
    private static final int PER_THREAD = Integer.getInteger("creates.perThread", 1000);
    private static final long DEADLINE_SECONDS = 120;
    private static final String ADMIN = "Bearer admin_test_key";
    private static final String MOLLIE_TOKEN = "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
    private static final String[] MKP_TYPES = {"customer-created", "offer-created", "invoice-paid", "ticket-created",
        "appointment-created", "subscription-updated"};
    private static final String[] PARTOO_TYPES = {"business_created", "business_updated", "lead_received",
        "message_created"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    private static ExecutorService clientExecutor;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        clientExecutor = Executors.newFixedThreadPool(8);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientExecutor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        clientExecutor.shutdownNow();
    }

    /** What one create sent, and where its record is read back. */
    private record Sent(String url, String kind) {
    }

    /** One API's create, read-back and check. */
    private interface Api {
        String name();

        HttpRequest create(int thread, int index, Sent sent);

        /** The id of a 201 body (a JSON string, or Partoo's integer). */
        String id(JsonNode created);

        HttpRequest read(String id);

        /** Null when the record read back holds what was sent, else what differs. */
        String mismatch(String id, Sent sent, JsonNode record);

        /** The field of an admin-listed record that carries the create's {@code kind}. */
        String kindField();
    }

    @Test
    @Order(1)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void mijnklantportaalCreatesThroughItsApi() throws Exception {
        run(new Api() {
            public String name() {
                return "mijnklantportaal";
            }

            public HttpRequest create(int thread, int index, Sent sent) {
                return post("/mijnklantportaal/v1/webhooks", "Bearer mkp_test_key",
                        "{\"url\":\"" + sent.url() + "\",\"type\":\"" + sent.kind() + "\"}");
            }

            public String id(JsonNode created) {
                return created.path("id").asText(null);
            }

            public HttpRequest read(String id) {
                return get("/mijnklantportaal/v1/webhooks/" + id, "Authorization", "Bearer mkp_test_key");
            }

            public String mismatch(String id, Sent sent, JsonNode record) {
                return same(record, id, "url", sent.url(), "type", sent.kind());
            }

            public String kindField() {
                return "type";
            }
        }, (thread, index) -> MKP_TYPES[(thread * PER_THREAD + index) % MKP_TYPES.length]);
    }

    @Test
    @Order(2)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void equalsMoneyCreatesThroughTheAdminApi() throws Exception {
        run(new Api() {
            public String name() {
                return "equalsmoney";
            }

            public HttpRequest create(int thread, int index, Sent sent) {
                return post("/__admin/equalsmoney/webhooks", ADMIN, "{\"url\":\"" + sent.url()
                        + "\",\"webhookEventTypeName\":\"" + sent.kind() + "\",\"accountId\":\"ACC" + thread + "\"}");
            }

            public String id(JsonNode created) {
                return created.path("id").asText(null);
            }

            public HttpRequest read(String id) {
                return get("/equalsmoney/v2/webhooks/" + id, "Authorization", "equals_any_key");
            }

            public String mismatch(String id, Sent sent, JsonNode record) {
                return same(record, id, "url", sent.url(), "webhookEventTypeName", sent.kind());
            }

            public String kindField() {
                return "webhookEventTypeName";
            }
        }, (thread, index) -> "Event" + thread + "x" + index);
    }

    @Test
    @Order(3)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void partooCreatesThroughTheAdminApi() throws Exception {
        run(new Api() {
            public String name() {
                return "partoo";
            }

            public HttpRequest create(int thread, int index, Sent sent) {
                return post("/__admin/partoo/webhooks", ADMIN, "{\"url\":\"" + sent.url() + "\",\"event_type\":\""
                        + sent.kind() + "\",\"org_id\":1}");
            }

            public String id(JsonNode created) {
                return created.path("id").canConvertToLong() && created.path("id").isIntegralNumber()
                        ? created.path("id").asText() : null;
            }

            public HttpRequest read(String id) {
                // A PROVIDER names the organisation (the spec requires org_id of it); every create is in org 1.
                return get("/partoo/v2/webhooks/" + id + "?org_id=1", "x-APIKey", "partoo_provider_key");
            }

            public String mismatch(String id, Sent sent, JsonNode record) {
                return same(record, id, "url", sent.url(), "event_type", sent.kind());
            }

            public String kindField() {
                return "event_type";
            }
        }, (thread, index) -> PARTOO_TYPES[(thread + index) % PARTOO_TYPES.length]);
    }

    @Test
    @Order(4)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void mollieCreatesThroughTheAdminApi() throws Exception {
        run(new Api() {
            public String name() {
                return "mollie";
            }

            public HttpRequest create(int thread, int index, Sent sent) {
                return post("/__admin/mollie/webhooks", ADMIN, "{\"url\":\"" + sent.url() + "\",\"name\":\""
                        + sent.kind() + "\"}");
            }

            public String id(JsonNode created) {
                return created.path("id").asText(null);
            }

            public HttpRequest read(String id) {
                // Admin creates default to mode test, which Mollie serves only with testmode=true.
                return get("/mollie/v2/webhooks/" + id + "?testmode=true", "Authorization", MOLLIE_TOKEN);
            }

            public String mismatch(String id, Sent sent, JsonNode record) {
                return same(record, id, "url", sent.url(), "name", sent.kind());
            }

            public String kindField() {
                return "name";
            }
        }, (thread, index) -> "hook " + thread + "/" + index);
    }

    private interface Kinds {
        String of(int thread, int index);
    }

    private static void run(Api api, Kinds kinds) throws Exception {
        Map<String, Sent> byId = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.execute(() -> {
                for (int index = 0; index < PER_THREAD && errors.size() < 20; index++) {
                    if (System.nanoTime() > deadline) {
                        errors.add("thread " + thread + " ran out of time at create " + index);
                        return;
                    }
                    Sent sent = new Sent("https://t" + thread + ".example.com/" + api.name() + "/" + index,
                            kinds.of(thread, index));
                    try {
                        HttpResponse<String> created = send(api.create(thread, index, sent));
                        requests.incrementAndGet();
                        if (created.statusCode() != 201) {
                            errors.add("create " + thread + "/" + index + ": " + created.statusCode() + " "
                                    + created.body());
                            continue;
                        }
                        String id = api.id(JSON.readTree(created.body()));
                        if (id == null) {
                            errors.add("create " + thread + "/" + index + " answered no id: " + created.body());
                            continue;
                        }
                        if (byId.putIfAbsent(id, sent) != null) {
                            duplicates.incrementAndGet();
                            errors.add("id " + id + " handed out twice (second: " + thread + "/" + index + ")");
                            continue;
                        }
                        HttpResponse<String> read = send(api.read(id));
                        requests.incrementAndGet();
                        String mismatch = read.statusCode() != 200 ? "read " + read.statusCode() + " " + read.body()
                                : api.mismatch(id, sent, JSON.readTree(read.body()));
                        if (mismatch != null) {
                            errors.add(api.name() + " " + id + " (" + thread + "/" + index + "): " + mismatch);
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.add(thread + "/" + index + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        threads.shutdown();
        boolean finished = threads.awaitTermination(DEADLINE_SECONDS + 10, TimeUnit.SECONDS);
        threads.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "creates %-16s %d threads x %d: %d requests (create + read back) in %.1f s, "
                + "%.0f requests/s, %d distinct ids%n", api.name(), THREADS, PER_THREAD, requests.get(), seconds,
                requests.get() / seconds, byId.size());

        assertTrue(finished, "the creates did not finish within " + DEADLINE_SECONDS + " s");
        assertTrue(errors.isEmpty(), errors.size() + " failures, first ones: " + new ArrayList<>(errors));
        assertEquals(0, duplicates.get(), "ids handed out twice");
        assertEquals(THREADS * PER_THREAD, byId.size(), "distinct ids");

        // Afterwards, every record is still there with its own data: no create replaced another.
        HttpResponse<String> listed = send(get("/__admin/" + api.name() + "/webhooks", "Authorization", ADMIN));
        assertEquals(200, listed.statusCode(), listed.body());
        Map<String, JsonNode> all = new HashMap<>();
        JSON.readTree(listed.body()).forEach(record -> all.put(record.path("id").asText(), record));
        List<String> lost = new ArrayList<>();
        byId.forEach((id, sent) -> {
            JsonNode record = all.get(id);
            if (record == null || !sent.url().equals(record.path("url").asText())
                    || !sent.kind().equals(record.path(api.kindField()).asText())) {
                lost.add(id + " -> " + record);
            }
        });
        assertTrue(lost.isEmpty(), lost.size() + " records missing or changed in the admin listing, e.g. "
                + lost.subList(0, Math.min(5, lost.size())));
    }

    private static String same(JsonNode record, String id, String field, String value, String otherField,
                               String otherValue) {
        if (!id.equals(record.path("id").asText())) {
            return "id " + record.path("id");
        }
        if (!value.equals(record.path(field).asText())) {
            return field + " " + record.path(field) + " instead of " + value;
        }
        if (!otherValue.equals(record.path(otherField).asText())) {
            return otherField + " " + record.path(otherField) + " instead of " + otherValue;
        }
        return null;
    }

    private static HttpRequest post(String path, String authorization, String json) {
        return HttpRequest.newBuilder(URI.create(stub.server().baseUri() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest get(String path, String header, String value) {
        return HttpRequest.newBuilder(URI.create(stub.server().baseUri() + path)).timeout(Duration.ofSeconds(30))
                .header(header, value).GET().build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
