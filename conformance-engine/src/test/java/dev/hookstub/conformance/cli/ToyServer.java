package dev.hookstub.conformance.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small server for {@link #SPEC}, a document the engine's code never names: items per tenant behind an
 * {@code X-Token} header. Each {@link Breakage} makes it break the spec in one way.
 */
final class ToyServer implements AutoCloseable {

    enum Breakage { NONE, ID_AS_STRING, TENANTS_SHARE_ITEMS }

    static final String TOKEN = "toy-secret";
    static final String OTHER_TOKEN = "toy-other";

    /** OpenAPI 3.0, so the 3.0 dialect (nullable) is exercised too. */
    static final String SPEC = """
            openapi: 3.0.3
            info: {title: Toy items, version: '1'}
            servers: [{url: 'http://localhost/api'}]
            security: [{token: []}]
            paths:
              /items:
                post:
                  operationId: createItem
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [name]
                          additionalProperties: false
                          properties:
                            name: {type: string, minLength: 1, maxLength: 40, example: second}
                  responses:
                    '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                    '400': {$ref: '#/components/responses/Error'}
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer, minimum: 1, maximum: 1000000}}
                  responses:
                    '200':
                      description: the item
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Item'}
                          example: {id: 1, name: first, note: null}
                    '404': {$ref: '#/components/responses/Error'}
            components:
              securitySchemes:
                token: {type: apiKey, in: header, name: X-Token}
              responses:
                Error:
                  description: an error
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [error]
                        properties: {error: {type: string}}
              schemas:
                Item:
                  type: object
                  required: [id, name, note]
                  properties:
                    id: {type: integer}
                    name: {type: string}
                    note: {type: string, nullable: true}
            """;

    private static final Pattern ITEM = Pattern.compile("/api/items/([^/]+)");
    private static final Pattern NAME = Pattern.compile("^\\{\\s*\"name\"\\s*:\\s*\"([^\"\\\\]{1,40})\"\\s*}$");

    private final HttpServer server;
    private final Breakage breakage;
    private final Map<String, Map<Long, String>> itemsByTenant = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    ToyServer(Breakage breakage) throws IOException {
        this.breakage = breakage;
        itemsByTenant.put(TOKEN, new ConcurrentHashMap<>(Map.of(1L, "first")));
        itemsByTenant.put(OTHER_TOKEN, new ConcurrentHashMap<>());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Requests received so far, of any kind. */
    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean collection = path.equals("/api/items");
            Matcher item = ITEM.matcher(path);
            if (!collection && !item.matches()) {
                error(exchange, 404, "no such path");
                return;
            }
            if (collection && !method.equals("POST") || item.matches() && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", collection ? "POST" : "GET");
                error(exchange, 405, "method not allowed");
                return;
            }
            String token = exchange.getRequestHeaders().getFirst("X-Token");
            String query = exchange.getRequestURI().getRawQuery();
            if (token == null && query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("token=")) {
                        token = java.net.URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                    }
                }
            }
            Map<Long, String> items = token == null || !itemsByTenant.containsKey(token) ? null
                    : itemsByTenant.get(breakage == Breakage.TENANTS_SHARE_ITEMS ? TOKEN : token);
            if (items == null) {
                error(exchange, 401, "unauthenticated");
                return;
            }
            if (collection) {
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                Matcher name = NAME.matcher(new String(body, StandardCharsets.UTF_8).strip());
                if (type == null || !type.startsWith("application/json") || !name.matches()) {
                    error(exchange, 400, "a body {\"name\": \"1 to 40 characters\"} is required");
                    return;
                }
                long id = ids.incrementAndGet();
                items.put(id, name.group(1));
                json(exchange, 201, render(id, name.group(1)));
                return;
            }
            long id;
            try {
                id = Long.parseLong(item.group(1));
            } catch (NumberFormatException e) {
                error(exchange, 404, "no such item");
                return;
            }
            String name = id < 1 || id > 1_000_000 ? null : items.get(id);
            if (name == null) {
                error(exchange, 404, "no such item");
                return;
            }
            json(exchange, 200, render(id, name));
        }
    }

    private String render(long id, String name) {
        String idText = breakage == Breakage.ID_AS_STRING ? "\"" + id + "\"" : Long.toString(id);
        return "{\"id\":" + idText + ",\"name\":\"" + name + "\",\"note\":null}";
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, "{\"error\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
