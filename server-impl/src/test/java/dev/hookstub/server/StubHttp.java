package dev.hookstub.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against a stub started by the test: the same path a client takes. */
public final class StubHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    public StubHttp(URI base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    /** A POST with exactly the headers given (no Content-Type of its own). */
    public HttpResponse<String> postAsIs(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
