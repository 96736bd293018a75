package dev.hookstub.conformance.spec;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;

import dev.hookstub.conformance.preset.Preset;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter needs a real exchange to see a request path, so this test serves canned responses
 * from the JDK's own HTTP server; the validation rules themselves are covered without any server
 * in {@link ResponseValidatorTest}.
 */
class SpecValidationFilterTest {

    private record Canned(int status, String contentType, String body) {
    }

    private static final Map<String, Canned> RESPONSES = new ConcurrentHashMap<>();
    private static final OpenApiSpec MOLLIE = Preset.MOLLIE.spec();
    private static final String MOLLIE_200 =
            "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content/application~1hal+json/examples/get-webhook-200/value";
    private static HttpServer server;
    private static String baseUrl;

    @BeforeAll
    static void serveCannedResponses() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Canned canned = RESPONSES.getOrDefault(exchange.getRequestURI().getPath(), new Canned(404, "text/plain", "no such canned response"));
            byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", canned.contentType());
            exchange.sendResponseHeaders(canned.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String serve(String path, int status, String contentType, String body) {
        RESPONSES.put(path, new Canned(status, contentType, body));
        return baseUrl + path;
    }

    @Test
    void conformingResponsePassesAndItsBodyStaysReadable() {
        String url = serve("/mollie/v2/webhooks/hook_ok", 200, "application/hal+json", MOLLIE.at(MOLLIE_200).toString());
        Response response = given().filter(new SpecValidationFilter(MOLLIE, baseUrl + "/mollie")).get(url);
        assertEquals("hook_B2EyhTH5N4KWUnoYPcgiH", response.jsonPath().getString("id"));
    }

    @Test
    void violatingResponseFailsListingEveryViolation() {
        ObjectNode body = (ObjectNode) MOLLIE.at(MOLLIE_200);
        body.putNull("url");
        body.remove("_links");
        String url = serve("/mollie/v2/webhooks/hook_bad", 200, "application/hal+json", body.toString());

        AssertionError error = assertThrows(AssertionError.class,
                () -> given().filter(new SpecValidationFilter(MOLLIE, baseUrl + "/mollie")).get(url));

        String message = error.getMessage();
        assertTrue(message.contains("GET /mollie/v2/webhooks/hook_bad"), message);
        assertTrue(message.contains("get-webhook"), message);
        assertTrue(message.contains("status 200"), message);
        assertTrue(message.contains("response_schema_conformance at /url"), message);
        assertTrue(message.contains("response_schema_conformance at /_links"), message);
    }

    @Test
    void serverMountPrefixGetsTheSpecsServerBasePathAppended() {
        OpenApiSpec partoo = Preset.PARTOO.spec();
        String url = serve("/partoo/v2/webhooks/1", 418, "application/json", "{}");

        AssertionError error = assertThrows(AssertionError.class,
                () -> given().filter(SpecValidationFilter.serverMountedAt(partoo, baseUrl + "/partoo")).get(url));

        assertTrue(error.getMessage().contains("status_code_conformance"), error.getMessage());
    }

    @Test
    void pathsAndMethodsTheSpecDoesNotDeclareMustBeRefusedWithA4xx() {
        SpecValidationFilter filter = new SpecValidationFilter(MOLLIE, baseUrl + "/mollie");
        String crashingPath = serve("/mollie/v2/nope", 500, "text/html", "<h1>boom</h1>");
        String answeringPath = serve("/mollie/v2/also-nope", 200, "application/json", "{}");
        String refusingPath = serve("/mollie/v2/not-here", 404, "text/plain", "Not Found");
        String declaredPath = serve("/mollie/v2/webhooks/hook_x", 405, "text/html", "<h1>no</h1>");

        AssertionError crash = assertThrows(AssertionError.class, () -> given().filter(filter).get(crashingPath));
        assertTrue(crash.getMessage().contains("not an operation of") && crash.getMessage().contains("500"),
                crash.getMessage());
        assertThrows(AssertionError.class, () -> given().filter(filter).get(answeringPath));
        // A refusal's body is not the spec's to judge: any 4xx of any shape passes, for paths and for methods.
        assertDoesNotThrow(() -> given().filter(filter).get(refusingPath));
        assertDoesNotThrow(() -> given().filter(filter).delete(declaredPath));
        // The declared method on the same path is validated in full: a 405 is not a documented status of get-webhook.
        assertThrows(AssertionError.class, () -> given().filter(filter).get(declaredPath));
    }

    @Test
    void assertConformsChecksAResponseAgainstAChosenOperation() {
        Operation getWebhook = MOLLIE.operation("get-webhook");
        String notFound = MOLLIE.at(getWebhook.pointer() + "/responses/404/content/application~1hal+json/example").toString();

        Response hal = new ResponseBuilder().setStatusCode(404).setContentType("application/hal+json").setBody(notFound).build();
        Response json = new ResponseBuilder().setStatusCode(404).setContentType("application/json").setBody(notFound).build();

        assertDoesNotThrow(() -> SpecValidationFilter.assertConforms(MOLLIE, getWebhook, hal));
        AssertionError error = assertThrows(AssertionError.class, () -> SpecValidationFilter.assertConforms(MOLLIE, getWebhook, json));
        assertTrue(error.getMessage().contains("content_type_conformance"), error.getMessage());
    }
}
