package dev.hookstub.server;

import dev.hookstub.server.core.StubApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** The stub's own endpoints outside the four APIs: {@code /health} and each API's spec at {@code /{api}/openapi.*}. */
final class OpsHandler extends HttpHandler {

    private record Document(String contentType, byte[] bytes) {
    }

    private static final byte[] HEALTHY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND =
            "{\"message\":\"No such endpoint. The stub serves /mijnklantportaal/v1, /equalsmoney/v2, /partoo/v2 and /mollie.\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private final Map<String, Document> documents = new HashMap<>();

    OpsHandler(List<StubApi> apis) {
        for (StubApi api : apis) {
            String path = api.documentPath();
            documents.put(path, new Document(
                    path.endsWith(".json") ? "application/json" : "application/yaml", api.spec().rawBytes()));
        }
        documents.put("/__admin/openapi.yaml",
                new Document("application/yaml", dev.hookstub.server.spec.SpecDocument.rawBytes("admin.yaml")));
    }

    java.util.Set<String> documentPaths() {
        return documents.keySet();
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        String path = request.getRequestURI();
        boolean readable = request.getMethod() == Method.GET || request.getMethod() == Method.HEAD;
        if (path.equals("/health")) {
            write(response, readable ? 200 : 405, "application/json", HEALTHY, request);
        } else if (documents.containsKey(path)) {
            Document document = documents.get(path);
            write(response, readable ? 200 : 405, document.contentType(), document.bytes(), request);
        } else {
            write(response, 404, "application/json", NOT_FOUND, request);
        }
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
