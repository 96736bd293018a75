package dev.hookstub.server.mollie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.api.StubApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mollie's own TypeScript SDK (npm {@code mollie-api-typescript} 1.12.28) judges the stub: a node receiver
 * ({@code src/test/resources/mollie-sdk/receiver.mjs}) runs the SDK's {@code SignatureValidator} on each delivery's
 * raw body and {@code X-Mollie-Signature}, and parses the body with the SDK's {@code EntityWebhookEvent} model (what
 * its {@code webhookEvents.get} returns) and a subscription with its {@code EntityWebhook} model. The SDK is installed
 * once into {@code target/mollie-sdk} (npm and node are on every machine that builds this); a failing install or node
 * fails the test, it never skips.
 */
class MollieSdkVerificationTest {

    private static final String SDK = "mollie-api-typescript";
    private static final String SDK_VERSION = "1.12.28";
    private static final String SIGNING_SECRET = "mollie-sdk-signing-secret";
    private static final String[] MOLLIE = {"Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"};
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Mollie's example payment link (docs.mollie.com, "Webhooks for the Payment Links API"). */
    private static final String PAYMENT_LINK = """
            {"resource": "payment-link", "id": "pl_4Y0eZitmBnQ6IDoMqZQKh", "mode": "live",
             "description": "Bicycle tires", "amount": {"currency": "EUR", "value": "24.95"}, "archived": false,
             "redirectUrl": "https://webshop.example.org/thanks",
             "webhookUrl": "https://webshop.example.org/payment-links/webhook", "profileId": "pfl_QkEhN94Ba",
             "createdAt": "2021-03-20T09:29:56+00:00", "paidAt": "2022-03-20T09:29:56+00:00",
             "expiresAt": "2023-06-06T11:00:00+00:00", "reusable": false, "allowedMethods": ["ideal"],
             "sequenceType": "oneoff", "customerId": null,
             "_links": {
               "self": {"href": "https://api.mollie.com/v2/payment-links/pl_4Y0eZitmBnQ6IDoMqZQKh",
                        "type": "application/hal+json"},
               "paymentLink": {"href": "https://payment-links.mollie.com/payment/4Y0eZitmBnQ6IDoMqZQKh",
                               "type": "text/html"},
               "documentation": {"href": "https://docs.mollie.com/reference/get-payment-link", "type": "text/html"}}}
            """;

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    private static Process receiver;
    private static int receiverPort;
    private static final BlockingQueue<JsonNode> VERDICTS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        Path folder = Path.of("target", "mollie-sdk").toAbsolutePath();
        installSdk(folder);
        receiver = startReceiver(folder);
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.destroy();
        }
    }

    @BeforeEach
    void forgetVerdicts() {
        VERDICTS.clear();
    }

    @Test
    void theSdksSignatureValidatorAndEventModelAcceptEveryDelivery() throws Exception {
        clearRecords();
        create("{\"url\": \"http://127.0.0.1:" + receiverPort + "/webhook\", \"signingSecret\": \"" + SIGNING_SECRET
                + "\", \"eventTypes\": [\"payment-link.paid\", \"sales-invoice.paid\"]}");

        String full = fire("{\"type\": \"payment-link.paid\", \"payload\": " + PAYMENT_LINK + "}");
        JsonNode verdict = nextVerdict();
        assertAccepted(verdict);
        JsonNode event = verdict.get("value");
        assertEquals(full, event.path("id").asText());
        assertEquals("payment-link.paid", event.path("webhookEventTypes").asText(), event.toString());
        assertEquals("pl_4Y0eZitmBnQ6IDoMqZQKh", event.path("entityId").asText());
        assertEquals("pl_4Y0eZitmBnQ6IDoMqZQKh", event.at("/embedded/entity/id").asText(), event.toString());
        assertEquals("https://api.mollie.com/v2/events/" + full, event.at("/links/self/href").asText());
        assertTrue(verdict.path("signatureHeader").asText().startsWith("sha256="), verdict.toString());

        String simple = fire("{\"type\": \"sales-invoice.paid\"}");
        JsonNode simpleVerdict = nextVerdict();
        assertAccepted(simpleVerdict);
        assertEquals(simple, simpleVerdict.at("/value/id").asText());
        awaitSucceeded(full);
        awaitSucceeded(simple);
    }

    @Test
    void theSdksSignatureValidatorRefusesABodyTheSecretDidNotSign() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + receiverPort + "/webhook"))
                .header("X-Mollie-Signature", "sha256=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        JsonNode verdict = JSON.readTree(answer.body());
        assertFalse(verdict.path("signatureValid").asBoolean(), answer.body());
        assertFalse(verdict.path("parsed").asBoolean(), answer.body());
    }

    @Test
    void theSdksWebhookModelParsesEverySubscriptionAsTheApiServesIt() throws Exception {
        create("{\"url\": \"https://example.com/all\", \"eventTypes\": [\"payment-link.paid\","
                + " \"balance-transaction.created\", \"sales-invoice.created\", \"sales-invoice.issued\","
                + " \"sales-invoice.canceled\", \"sales-invoice.paid\", \"*\"]}");
        create("{\"url\": \"https://example.com/default\", \"mode\": \"live\"}");
        JsonNode records = JSON.readTree(stub.adminHttp().get("/__admin/mollie/webhooks").body());
        assertEquals(3, records.size(), "the fixture and the two created: " + records);
        for (JsonNode record : records) {
            HttpResponse<String> served = stub.http().get("/mollie/v2/webhooks/" + record.path("id").asText()
                    + ("test".equals(record.path("mode").asText()) ? "?testmode=true" : ""), MOLLIE);
            assertEquals(200, served.statusCode(), served.body());
            HttpResponse<String> judged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + receiverPort + "/subscription"))
                    .POST(HttpRequest.BodyPublishers.ofString(served.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, judged.statusCode(), judged.body());
            assertEquals(record.path("eventTypes"), JSON.readTree(judged.body()).at("/value/eventTypes"));
        }
    }

    private static void assertAccepted(JsonNode verdict) {
        assertEquals("event", verdict.path("kind").asText(), verdict.toString());
        assertTrue(verdict.path("signatureValid").asBoolean(), "SignatureValidator: " + verdict);
        assertTrue(verdict.path("parsed").asBoolean(), "EntityWebhookEvent: " + verdict.path("error").asText());
    }

    private static void create(String json) {
        HttpResponse<String> created = stub.adminHttp().post("/__admin/mollie/webhooks", json);
        assertEquals(201, created.statusCode(), created.body());
    }

    /** The spec's example subscription points at the internet; no delivery may go there. */
    private static void clearRecords() {
        stub.server().apis().stream().filter(api -> api.id().equals("mollie")).forEach(StubApi::clearRecords);
    }

    private static String fire(String event) throws IOException {
        HttpResponse<String> answer = stub.adminHttp().post("/__admin/mollie/events", event);
        assertEquals(202, answer.statusCode(), answer.body());
        JsonNode ids = JSON.readTree(answer.body()).path("deliveryIds");
        assertEquals(1, ids.size(), answer.body());
        return ids.get(0).asText();
    }

    private static JsonNode nextVerdict() throws InterruptedException {
        JsonNode verdict = VERDICTS.poll(30, TimeUnit.SECONDS);
        assertNotNull(verdict, "the node receiver judged no delivery within 30 s");
        return verdict;
    }

    private static void awaitSucceeded(String deliveryId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String status;
        do {
            status = JSON.readTree(stub.adminHttp().get("/__admin/mollie/deliveries/" + deliveryId).body())
                    .path("status").asText();
            if ("succeeded".equals(status)) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("delivery " + deliveryId + " is " + status + ", not succeeded (the receiver answers"
                + " 400 when the SDK refuses it)");
    }

    /** npm install into the folder, once: a rerun finds the SDK there. */
    private static void installSdk(Path folder) throws Exception {
        Path installed = folder.resolve("node_modules").resolve(SDK).resolve("package.json");
        if (Files.exists(installed) && JSON.readTree(installed.toFile()).path("version").asText().equals(SDK_VERSION)) {
            return;
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("package.json"),
                "{\"name\": \"hookstub-mollie-sdk-check\", \"private\": true}\n");
        Path log = folder.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", SDK + "@" + SDK_VERSION)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm install " + SDK + " took over 5 minutes; see " + log);
        }
        assertEquals(0, npm.exitValue(), () -> "npm install " + SDK + "@" + SDK_VERSION + " failed: " + read(log));
    }

    /**
     * Starts the receiver script beside the SDK and waits for the port it listens on; every later line it prints
     * is one verdict.
     */
    private static Process startReceiver(Path folder) throws Exception {
        Path script = folder.resolve("receiver.mjs");
        try (InputStream source = MollieSdkVerificationTest.class.getResourceAsStream("/mollie-sdk/receiver.mjs")) {
            Files.write(script, source.readAllBytes());
        }
        Path log = folder.resolve("receiver.log");
        Process node = new ProcessBuilder("node", script.toString(), SIGNING_SECRET)
                .directory(folder.toFile()).redirectError(log.toFile()).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    VERDICTS.add(JSON.readTree(line));
                }
            } catch (IOException ended) {
                // The receiver stopped.
            }
        }, "mollie-sdk-receiver-output");
        reader.setDaemon(true);
        reader.start();
        JsonNode first = VERDICTS.poll(2, TimeUnit.MINUTES);
        if (first == null || !first.has("listening")) {
            node.destroyForcibly();
            throw new AssertionError("the node receiver did not start (alive: " + node.isAlive() + "): " + read(log));
        }
        receiverPort = first.get("listening").asInt();
        return node;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
