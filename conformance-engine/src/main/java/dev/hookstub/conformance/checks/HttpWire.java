package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Parameter;
import dev.hookstub.openapi.ParameterCodec;
import dev.hookstub.openapi.Problems;
import dev.hookstub.openapi.SecurityScheme;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends cases with the JDK's HTTP client, which sends exactly what it is given (no default Accept, no charset added
 * to the Content-Type), so the recorded request is the request. Every parameter is written as its {@code style} says;
 * a credential goes only to operations whose security asks for one, as the scheme they name says. A request that gets
 * no answer in time, or whose connection fails, is an exchange without a response (and a failure of the check that
 * sent it), never the end of the run.
 */
final class HttpWire {

    private static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

    private final HttpClient client;
    private final OpenApiSpec spec;
    private final String serverUrl;
    private final Credentials credentials;
    private final Masking masking;
    private final Duration timeout;

    /** The credentials a run presents: its own, one the server cannot know, and another tenant's. */
    record Credentials(String valid, String invalid, String second) {

        String presented(RequestCase.Credential which) {
            return switch (which) {
                case VALID -> valid;
                case INVALID -> invalid;
                case SECOND -> second;
                case NONE -> null;
            };
        }
    }

    /** @param serverUrl where the spec's server URL is mounted, e.g. {@code http://127.0.0.1:8080/partoo/v2} */
    HttpWire(OpenApiSpec spec, String serverUrl, Credentials credentials, Masking masking, Duration timeout) {
        this.spec = spec;
        this.serverUrl = serverUrl;
        this.credentials = credentials;
        this.masking = masking;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .build();
    }

    /**
     * A case as it goes on the wire.
     *
     * @param path    below the server URL, parameters written in
     * @param query   the query string without '?', "" for none
     * @param headers every header sent but Host and Content-Length
     */
    record WrittenRequest(String path, String query, Map<String, String> headers, RequestCase.Body body) {
    }

    WrittenRequest write(RequestCase requestCase) {
        Operation operation = requestCase.operation();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        requestCase.queryParams().forEach((name, value) -> query.addAll(ParameterCodec.queryPairs(parameter(operation,
                "query", name), value)));
        requestCase.headerParams().forEach((name, value) ->
                headers.put(name, ParameterCodec.headerValue(parameter(operation, "header", name), value)));
        requestCase.cookieParams().forEach((name, value) ->
                cookies.add(ParameterCodec.cookiePair(parameter(operation, "cookie", name), value)));
        String presented = credentials.presented(requestCase.credential());
        Optional<SecurityScheme> scheme = SecurityScheme.forOperation(spec, operation, presented);
        if (presented != null && scheme.isPresent()) {
            SecurityScheme how = scheme.get();
            if (how.inQuery()) {
                query.add(ParameterCodec.encode(how.name()) + "=" + ParameterCodec.encode(presented));
            } else if (how.in().equals("cookie")) {
                cookies.add(how.headerValue(presented));
            } else {
                headers.put(how.header(), how.headerValue(presented));
            }
        }
        if (!cookies.isEmpty()) {
            headers.put("Cookie", String.join("; ", cookies));
        }
        RequestCase.Body body = requestCase.body();
        if (body != null) {
            headers.put("Content-Type", body.contentType());
        }
        return new WrittenRequest(path(requestCase), String.join("&", query), headers, body);
    }

    Exchange send(RequestCase requestCase) {
        WrittenRequest written = write(requestCase);
        Map<String, String> headers = written.headers();
        RequestCase.Body body = written.body();
        String url = serverUrl + written.path() + (written.query().isEmpty() ? "" : "?" + written.query());
        RecordedRequest request = new RecordedRequest(requestCase.method(), masking.url(url),
                masking.headers(headers), body == null ? null : masking.requestBody(body.text(), body.contentType()));
        long started = System.nanoTime();
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .method(requestCase.method(), body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8));
            headers.forEach(builder::header);
        } catch (IllegalArgumentException e) {
            return new Exchange(requestCase, request, RecordedResponse.none("the request could not be written: "
                    + masking.scrub(Problems.describe(e))), 0);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            String received = response.body() == null ? "" : response.body();
            if (received.length() > MAX_BODY_CHARS) {
                received = received.substring(0, MAX_BODY_CHARS);
            }
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(Locale.ROOT), values));
            RecordedResponse recorded = new RecordedResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Allow").orElse(null),
                    received, masking.excerpt(received), responseHeaders, null);
            return new Exchange(requestCase, request, recorded, elapsed);
        } catch (IOException e) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            String why = e instanceof java.net.http.HttpTimeoutException
                    ? "no answer within " + timeout.toMillis() + " ms (--request-timeout)"
                    : masking.scrub(Problems.describe(e));
            return new Exchange(requestCase, request, RecordedResponse.none(why), elapsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String path(RequestCase requestCase) {
        Operation operation = requestCase.operation();
        String path = operation.pathTemplate();
        for (Map.Entry<String, JsonNode> param : requestCase.pathParams().entrySet()) {
            path = path.replace("{" + param.getKey() + "}",
                    ParameterCodec.pathValue(parameter(operation, "path", param.getKey()), param.getValue()));
        }
        return path;
    }

    /** The operation's parameter, or a plain one in its location's default style (a probe's, a credential's). */
    private static Parameter parameter(Operation operation, String in, String name) {
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals(in) && parameter.name().equals(name)) {
                return parameter;
            }
        }
        return new Parameter(name, in, false, Optional.empty());
    }
}
