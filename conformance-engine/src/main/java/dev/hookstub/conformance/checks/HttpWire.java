package dev.hookstub.conformance.checks;

import dev.hookstub.openapi.SecurityScheme;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Sends cases with the JDK's HTTP client, which sends exactly what it is given (no default Accept, no charset added
 * to the Content-Type), so the recorded request is the request.
 */
final class HttpWire {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String serverUrl;
    private final SecurityScheme scheme;
    private final String credential;
    private final String invalidCredential;
    private final String secondCredential;
    private final Masking masking;

    /**
     * @param serverUrl         where the spec's server URL is mounted, e.g. {@code http://127.0.0.1:8080/partoo/v2}
     * @param invalidCredential sent for {@link RequestCase.Credential#INVALID}
     */
    HttpWire(String serverUrl, SecurityScheme scheme, String credential, String invalidCredential,
             String secondCredential, Masking masking) {
        this.secondCredential = secondCredential;
        this.serverUrl = serverUrl;
        this.scheme = scheme;
        this.credential = credential;
        this.invalidCredential = invalidCredential;
        this.masking = masking;
    }

    Exchange send(RequestCase requestCase) {
        Map<String, String> queryParams = new LinkedHashMap<>(requestCase.queryParams());
        Map<String, String> headers = new LinkedHashMap<>();
        String presented = switch (requestCase.credential()) {
            case VALID -> credential;
            case INVALID -> invalidCredential;
            case SECOND -> secondCredential;
            case NONE -> null;
        };
        if (presented != null) {
            if (scheme.inQuery()) {
                queryParams.put(scheme.name(), presented);
            } else {
                headers.put(scheme.header(), scheme.headerValue(presented));
            }
        }
        String url = serverUrl + path(requestCase) + query(queryParams);
        if (requestCase.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(requestCase.method(), requestCase.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(requestCase.body(), StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServerUnreachableException(requestCase.method() + " " + masking.scrub(url) + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : masking.scrub(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        RecordedRequest request = new RecordedRequest(requestCase.method(), masking.scrub(url),
                masking.headers(headers), masking.scrub(requestCase.body()));
        RecordedResponse recorded = new RecordedResponse(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Allow").orElse(null),
                response.body(), masking.excerpt(response.body()));
        return new Exchange(requestCase, request, recorded, elapsed);
    }

    private static String path(RequestCase requestCase) {
        String path = requestCase.operation().pathTemplate();
        for (Map.Entry<String, String> param : requestCase.pathParams().entrySet()) {
            path = path.replace("{" + param.getKey() + "}", encodeSegment(param.getValue()));
        }
        return path;
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        params.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
