package dev.hookstub.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Plain HTTP to a stub, as any client of it sends it (WireMock's {@code WireMockTestClient} is the model): the answer
 * whatever its status, for a test to judge. Headers are given as name, value pairs: {@code get(path, "x-APIKey", key)}.
 */
public final class HookstubHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    /** Sent with every request, before the request's own. */
    private final String[] always;

    HookstubHttp(URI base, String... always) {
        this.base = base;
        this.always = always;
    }

    /** An answer's body (or any text) as a JSON tree; a test that gets something else fails, naming it. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** This client, sending this header with every request too (the admin API's token, say). */
    public HookstubHttp withHeader(String name, String value) {
        String[] more = Arrays.copyOf(always, always.length + 2);
        more[always.length] = name;
        more[always.length + 1] = value;
        return new HookstubHttp(base, more);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    /** A POST of JSON ({@code Content-Type: application/json}); a null body sends none. */
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

    /** Any method, with a JSON body ({@code Content-Type: application/json}) when {@code json} is not null. */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    /** Where a path of the stub is, for a request the methods here do not make. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** Any request, for what the methods above do not make (a body of another type, say). */
    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (String[] pairs : new String[][] {always, headers}) {
            for (int i = 0; i < pairs.length; i += 2) {
                request.header(pairs[i], pairs[i + 1]);
            }
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
