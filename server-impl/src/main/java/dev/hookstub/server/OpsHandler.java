package dev.hookstub.server;

import dev.hookstub.server.admin.AdminDocument;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The stub's own endpoints outside the four APIs: {@code /health}, each API's spec at {@code /{api}/openapi.*} and
 * the admin API's at {@code /__admin/openapi.yaml}.
 */
final class OpsHandler extends HttpHandler {

    static final String HEALTH = "/health";

    /** A document's bytes, read once, when first asked for. */
    private static final class Document {

        private final String contentType;
        private final java.util.function.Supplier<byte[]> read;
        private volatile byte[] bytes;

        Document(String contentType, java.util.function.Supplier<byte[]> read) {
            this.contentType = contentType;
            this.read = read;
        }

        String contentType() {
            return contentType;
        }

        byte[] bytes() {
            byte[] known = bytes;
            if (known == null) {
                known = read.get();
                bytes = known;
            }
            return known;
        }
    }

    private static final byte[] IN_MEMORY = "{\"status\":\"UP\",\"store\":\"memory\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND =
            "{\"message\":\"No such endpoint. The stub serves /mijnklantportaal/v1, /equalsmoney/v2, /partoo/v2 and /mollie.\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private final Map<String, Document> documents = new HashMap<>();
    /** Where the records are; null when in memory. */
    private final Database database;

    OpsHandler(List<StubApi> apis, AdminDocument admin, Database database) {
        this.database = database;
        for (StubApi api : apis) {
            String path = api.documentPath();
            documents.put(path, new Document(
                    path.endsWith(".json") ? "application/json" : "application/yaml", api.specFile().bytes()));
        }
        // Made from the APIs' specs when first asked for: not on the way to the stub's first answer.
        documents.put("/__admin/openapi.yaml", new Document("application/yaml", () -> admin.specFile().bytes().get()));
    }

    java.util.Set<String> documentPaths() {
        return documents.keySet();
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        String path = request.getRequestURI();
        boolean readable = request.getMethod() == Method.GET || request.getMethod() == Method.HEAD;
        if (path.equals(HEALTH) && readable && database != null) {
            // Asked each time, within the pool's timeout: a load balancer should take an instance whose database
            // does not answer out of rotation.
            boolean answers = database.answers();
            write(response, answers ? 200 : 503, "application/json", health(answers), request);
        } else if (path.equals(HEALTH)) {
            write(response, readable ? 200 : 405, "application/json", IN_MEMORY, request);
        } else if (documents.containsKey(path)) {
            Document document = documents.get(path);
            write(response, readable ? 200 : 405, document.contentType(), document.bytes(), request);
        } else {
            write(response, 404, "application/json", NOT_FOUND, request);
        }
    }

    private byte[] health(boolean answers) {
        return ("{\"status\":\"" + (answers ? "UP" : "DOWN") + "\",\"store\":\"" + database.kind().json()
                + "\",\"database\":\"" + (answers ? "ok" : "unreachable") + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Response response, int status, String contentType, byte[] body, Request request)
            throws IOException {
        response.setStatus(status);
        if (status == 405) {
            response.setHeader("Allow", "GET, HEAD");
            body = "{\"message\":\"Only GET and HEAD are supported here.\"}".getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
        }
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (request.getMethod() != Method.HEAD) {
            response.getOutputStream().write(body);
        }
    }
}
