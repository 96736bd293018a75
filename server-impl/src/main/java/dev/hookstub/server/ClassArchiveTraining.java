package dev.hookstub.server;

import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.api.ExampleRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The build's training run for the stub's class-data archive ({@code server-impl/pom.xml}, README "Run"). Started
 * with {@code -XX:ArchiveClassesAtExit}, it starts the stub, asks every API what a test suite asks first, waits for
 * the Jersey applications, and exits; the JVM then archives every class that took. A stub started with the archive
 * maps those classes instead of loading, verifying and linking them one by one, which is most of its start-up.
 * <p>
 * It also smoke-tests the packaged jar: a wrong answer fails the build, since an archive trained on errors would
 * be worth little and the jar would be broken anyway.
 */
public final class ClassArchiveTraining {

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        // Kept-alive connections would hold the server's graceful shutdown for its full grace period.
        System.setProperty("http.keepAlive", "false");
        try (StubServer server = StubServer.start(ServerConfig.defaults().withPort(0))) {
            String base = server.baseUri().toString();
            for (StubApi api : server.apis()) {
                ExampleRequest example = api.exampleRequest();
                String url = base + api.contextPath() + example.path();
                expect(200, "GET", url, example.header(), example.value(), null);
                expect(401, "GET", url, null, null, null);
                expect(200, "GET", base + api.documentPath(), null, null, null);
            }
            StubApi first = server.apis().get(0);
            ExampleRequest example = first.exampleRequest();
            String webhooks = base + first.contextPath() + "/webhooks";
            expect(201, "POST", webhooks, example.header(), example.value(),
                    "{\"url\":\"https://example.com/hook\",\"type\":\"customer-created\"}");
            expect(422, "POST", webhooks, example.header(), example.value(), "{\"url\":1}");
            // Through the admin application, whose answer waits for the Jersey applications to finish building.
            expect(200, "GET", base + "/__admin/" + first.id() + "/webhooks", "Authorization",
                    "Bearer " + ServerConfig.defaults().credentials().adminToken(), null);
            expect(200, "GET", base + "/health", null, null, null);
        }
        System.out.println("hookstub: class-data archive training run done");
    }

    private static void expect(int status, String method, String url, String header, String value, String body)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        if (header != null) {
            connection.setRequestProperty(header, value);
        }
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int answered = connection.getResponseCode();
        try (InputStream in = answered < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (answered != status) {
            throw new IllegalStateException(method + " " + url + " answered " + answered + ", expected " + status);
        }
    }
}
