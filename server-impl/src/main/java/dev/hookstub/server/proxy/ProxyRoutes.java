package dev.hookstub.server.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.error.ProblemDetailsErrorFormat;
import dev.hookstub.server.journal.CredentialMask;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.glassfish.grizzly.http.server.HttpHandler;

/**
 * The routes of a stub that is a proxy: for each API with an upstream, a handler that forwards instead of answering,
 * judged against the spec the stub runs the API on and refusing in the API's error format; for a document of any
 * other API, one at {@code /} refusing in RFC 7807 problem details. The HTTP clients are made here, at start, so that
 * an unreadable {@code --upstream-ca} ends the start rather than the first request.
 */
public final class ProxyRoutes implements AutoCloseable {

    /** A document's route: what the journal knows it by, and its handler. */
    public record DocumentRoute(OpenApiSpec spec, HttpHandler handler) {
    }

    private final ProxySettings settings;
    private final ObjectMapper mapper;
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon("hookstub-upstream"));
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(daemon("hookstub-upstream-deadlines"));
    private final Map<String, UpstreamClient> clients = new HashMap<>();
    private final UpstreamClient documentClient;
    /** Null when nothing is recorded. */
    private final FixtureRecorder recorder;

    public ProxyRoutes(ProxySettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        try {
            settings.apis().forEach((api, upstream) -> clients.put(api, UpstreamClient.of(upstream, executor, deadlines)));
            this.documentClient = settings.document() == null ? null
                    : UpstreamClient.of(settings.document().upstream(), executor, deadlines);
            this.recorder = settings.recordDir() == null ? null
                    : new FixtureRecorder(settings.recordDir(), settings.recordSecrets(), settings.report(), mapper,
                            settings.apis().keySet());
        } catch (RuntimeException e) {
            executor.shutdownNow();
            deadlines.shutdownNow();
            throw e;
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public boolean forwards(String api) {
        return clients.containsKey(api);
    }

    /** Where an API's requests go ({@code document}: the document's), for the banner. */
    public Optional<Upstream> upstreamOf(String api) {
        if (api.equals(ProxySettings.Document.ID) && settings.document() != null) {
            return Optional.of(settings.document().upstream());
        }
        return Optional.ofNullable(settings.apis().get(api));
    }

    public ProxyReport report() {
        return settings.report();
    }

    /** The handler that forwards the API's requests, held to the spec the stub runs the API on. */
    public HttpHandler handler(StubApi api) {
        UpstreamClient client = clients.get(api.id());
        if (client == null) {
            throw new IllegalArgumentException(api.id() + " has no upstream");
        }
        // Named as the preset, as hookstub check names it in its reports (the stub's own copy is named by its file).
        OpenApiSpec spec = api.spec().named(api.id());
        ProxyHandler.Route route = new ProxyHandler.Route(api.id(), api.contextPath(), new SpecJudge(spec),
                api.errorFormat(), new CredentialMask(api.spec()));
        ProxyHandler.Recording recording = recorder == null ? null
                : (request, method, path, query, headers, status, contentType, body, violations) -> recorder.answered(
                        api, spec, request.operation(), method, path, query, headers, status, contentType, body,
                        violations);
        return new ProxyHandler(route, client, settings.errors(), settings.report(), recording, mapper);
    }

    /** The route of the document forwarded at {@code /}, when there is one. */
    public Optional<DocumentRoute> document() {
        if (settings.document() == null) {
            return Optional.empty();
        }
        OpenApiSpec spec = settings.document().spec();
        ProxyHandler.Route route = new ProxyHandler.Route(ProxySettings.Document.ID, "", new SpecJudge(spec),
                new ProblemDetailsErrorFormat(), new CredentialMask(spec));
        return Optional.of(new DocumentRoute(spec, new ProxyHandler(route, documentClient, settings.errors(),
                settings.report(), null, mapper)));
    }

    @Override
    public void close() {
        clients.values().forEach(UpstreamClient::close);
        if (documentClient != null) {
            documentClient.close();
        }
        executor.shutdownNow();
        deadlines.shutdownNow();
    }
}
