package dev.hookstub.server;

import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.api.StubApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.admin.AdminApplication;
import dev.hookstub.server.admin.AdminDocument;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.clock.StubClock;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.config.NetworkExposure;
import dev.hookstub.server.delivery.DeliveryLog;
import dev.hookstub.server.delivery.DeliveryDispatcher;
import dev.hookstub.server.store.Database;
import dev.hookstub.server.store.SharedResets;
import dev.hookstub.server.equalsmoney.EqualsMoneyApi;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.error.ProblemDetailsErrorFormat;
import dev.hookstub.server.proxy.ProxyReport;
import dev.hookstub.server.proxy.ProxyRoutes;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.proxy.Upstream;
import dev.hookstub.server.fault.ApiFaults;
import dev.hookstub.server.fastpath.FastPath;
import dev.hookstub.server.http.FrontDoor;
import dev.hookstub.server.http.FrontDoorAddOn;
import dev.hookstub.server.http.MalformedRequestLineAddOn;
import dev.hookstub.server.http.UnreadBodyAddOn;
import dev.hookstub.server.http.NoProtocolUpgradeAddOn;
import dev.hookstub.server.http.RequestLimits;
import dev.hookstub.server.journal.RequestJournal;
import dev.hookstub.server.validation.SpecRequestValidator;
import dev.hookstub.server.spec.SpecSource;
import dev.hookstub.server.json.ObjectMappers;
import dev.hookstub.server.mijnklantportaal.MijnklantportaalApi;
import dev.hookstub.server.mollie.MollieApi;
import dev.hookstub.server.partoo.PartooApi;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * All four APIs on one Grizzly server and one port, each a Jersey application on the context path its spec's
 * server URL gives. Built the same way by {@code Main} and by the tests.
 */
public final class StubServer implements AutoCloseable {

    /**
     * Jersey warns that resource instances "will be ignored" as providers because their {@code @Path} sits on the
     * generated interface, not the class; they are registered and served as resources all the same.
     * Held in a field so that the logger, and its level, are not garbage-collected.
     */
    private static final Logger PROVIDER_CHECK = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    /**
     * Grizzly's INFO lines as it starts ("Started listener bound to ...", "[HttpServer] Started."): the banner says
     * where the stub listens, and the first record logged costs the start-up some 15 ms of formatting. Held in
     * fields like the one above.
     */
    private static final Logger LISTENER_STARTED = Logger.getLogger("org.glassfish.grizzly.http.server.NetworkListener");
    private static final Logger SERVER_STARTED = Logger.getLogger("org.glassfish.grizzly.http.server.HttpServer");

    /**
     * Grizzly announces a graceful shutdown ("Shutting down transport ... in 3 SECONDS") as a WARNING: every test
     * class of a user's that closes its stub printed one. Nothing is wrong when it happens. Held like the others.
     */
    private static final Logger GRACEFUL_SHUTDOWN = Logger.getLogger("org.glassfish.grizzly.nio.GracefulShutdownRunner");

    /** Where a spec's own example record that does not match its schema is reported (see {@code checkExamples}). */
    private static final Logger EXAMPLES = Logger.getLogger(StubServer.class.getName());

    static {
        PROVIDER_CHECK.setLevel(Level.SEVERE);
        LISTENER_STARTED.setLevel(Level.WARNING);
        SERVER_STARTED.setLevel(Level.WARNING);
        GRACEFUL_SHUTDOWN.setLevel(Level.SEVERE);
    }

    /** The APIs the stub serves, as they appear in URLs, configuration and fixture file names. */
    public static final java.util.Set<String> API_IDS = java.util.Set.of("mijnklantportaal", "equalsmoney", "partoo", "mollie");

    /** In-flight requests get this long to finish on shutdown; SIGTERM must exit within five seconds. */
    static final int GRACE_SECONDS = 3;
    static final int KEEP_ALIVE_IDLE_SECONDS = 30;
    /** Grizzly's word for no limit on the requests one kept-alive connection carries. */
    private static final int UNLIMITED_REQUESTS_PER_CONNECTION = -1;

    private final HttpServer server;
    private final NetworkListener listener;
    private final List<StubApi> apis;
    private final Database database;
    /** Each API's fast path, by {@link StubApi#id()}; none when the fast path is off. */
    private final java.util.Map<String, FastPath> fastPaths;
    private final DeliveryDispatcher deliveries;
    private final JerseyBuilds jersey;
    /** The routes that forward instead of answering; null when the stub is no proxy. */
    private final ProxyRoutes proxies;

    private StubServer(HttpServer server, NetworkListener listener, List<StubApi> apis, Database database,
                       java.util.Map<String, FastPath> fastPaths, DeliveryDispatcher deliveries,
                       JerseyBuilds jersey, ProxyRoutes proxies) {
        this.proxies = proxies;
        this.deliveries = deliveries;
        this.jersey = jersey;
        this.fastPaths = java.util.Map.copyOf(fastPaths);
        this.database = database;
        this.server = server;
        this.listener = listener;
        this.apis = apis;
    }

    /**
     * Begins loading the APIs and their records and listens meanwhile; each API answers (through its fast path)
     * as soon as it is loaded, while the others load, and a request for one still loading waits for it. The Jersey
     * applications are built once the first request is answered (a request that needs one waits for it). Returns
     * once every API is loaded and deliveries left pending by a previous run have resumed; a failure on the way
     * closes what was opened and surfaces as thrown.
     */
    public static StubServer start(ServerConfig config) {
        NetworkExposure.requireOwnAdminToken(config.host(), config.credentials().adminToken());
        SpecSource specs = config.specs() == null ? SpecSource.builtIn() : SpecSource.folder(config.specs());
        ObjectMapper mapper = ObjectMappers.create();
        ProxyRoutes proxies = proxyRoutes(config, mapper);
        Database database;
        try {
            database = openDatabase(config);
        } catch (RuntimeException e) {
            if (proxies != null) {
                proxies.close();
            }
            throw e;
        }
        Assembly assembly = new Assembly(config, mapper, database, proxies);
        Startup.Steps<StubApi> loading = loadApis(config, specs, new Stores(database), assembly,
                assembly::open);
        HttpServer server = null;
        try {
            NetworkListener listener = listener(config);
            server = listen(config, listener, assembly.frontDoor, assembly.journal);
            return assembly.complete(server, listener, loading.results());
        } catch (RuntimeException | Error e) {
            loading.cancel();
            assembly.abort(e);
            if (server != null) {
                server.shutdownNow();
                awaitUnbound(config);
            }
            if (database != null) {
                database.close();
            }
            if (proxies != null) {
                proxies.close();
            }
            throw e;
        }
    }

    /** The proxy's routes, when the configuration names upstreams: made first, so that a bad one ends the start. */
    private static ProxyRoutes proxyRoutes(ServerConfig config, ObjectMapper mapper) {
        if (config.proxy() == null) {
            return null;
        }
        for (String api : config.proxy().apis().keySet()) {
            if (!API_IDS.contains(api)) {
                throw new ConfigException("no API named " + api + " to forward; the stub's are " + API_IDS);
            }
        }
        return new ProxyRoutes(config.proxy(), mapper);
    }

    /** A start in progress: what the APIs are opened into as each is loaded, and then completed with. */
    private static final class Assembly {

        private final ServerConfig config;
        private final ObjectMapper mapper;
        private final Database database;
        private final IdGenerator ids = new IdGenerator();
        // One steerable clock for records, deliveries and their headers alike (POST /__admin/clock).
        private final StubClock clock = StubClock.systemUtc();
        private final RequestJournal journal;
        private final FrontDoor frontDoor;
        // The validators' libraries wait as well: reading a parameter that asserts only its type needs none of them.
        private final JerseyBuilds jersey = new JerseyBuilds(SpecRequestValidator::prepare);
        private final Map<String, ApiFaults> faults = new ConcurrentHashMap<>();
        private final Map<String, FastPath> fastPaths = new ConcurrentHashMap<>();
        private final ProxyRoutes proxies;

        Assembly(ServerConfig config, ObjectMapper mapper, Database database, ProxyRoutes proxies) {
            this.proxies = proxies;
            this.config = config;
            this.mapper = mapper;
            this.database = database;
            this.journal = new RequestJournal(config.journal());
            this.frontDoor = new FrontDoor(new MessageErrorFormat(), mapper, journal);
            frontDoor.afterFirstAnswer(jersey::begin);
        }

        /** The API answers from now on: journaled, under its fault rules, through its fast path unless off. */
        void open(StubApi api) {
            journal.add(new RequestJournal.Api(api.id(), api.contextPath(), api.spec()));
            ApiFaults apiFaults = new ApiFaults(api.spec());
            faults.put(api.id(), apiFaults);
            jersey.later(() -> checkExamples(api));
            if (proxies != null && proxies.forwards(api.id())) {
                // Forwarded unchanged: no fault rule or Prefer answer of the stub's stands in the way.
                frontDoor.open(new FrontDoor.Route(api.contextPath(), proxies.handler(api), api.errorFormat())
                        .forwarding(), Set.of(api.documentPath()));
                return;
            }
            HttpHandler handler = jersey.of(api::application);
            if (config.fastPath()) {
                FastPath fastPath = new FastPath(handler, api.operations(), api.validator(),
                        api.errorFormat(), mapper);
                fastPaths.put(api.id(), fastPath);
                handler = fastPath;
            }
            frontDoor.open(new FrontDoor.Route(api.contextPath(), handler, api.errorFormat(), apiFaults),
                    Set.of(api.documentPath()));
        }

        /**
         * The spec's own example record, seeded unchecked at the start, held to the API's schema. The build's tests
         * hold the shipped specs' examples to their schemas; an edited spec whose example no longer matches is
         * reported here, loudly, once the start is over.
         */
        private static void checkExamples(StubApi api) {
            try {
                api.adminRecords().checkExamples();
            } catch (ApiProblem problem) {
                EXAMPLES.severe(api.fixtureSource() + " does not match the API's schema"
                        + (problem.field() == null ? "" : " (field " + problem.field() + ")") + ": " + problem.detail()
                        + " The stub serves it until its records are replaced; fix the spec's example.");
            }
        }

        /** Every API is open: the deliveries, the admin API and the stub's own endpoints follow. */
        StubServer complete(HttpServer server, NetworkListener listener, List<StubApi> apis) {
            DeliveryDispatcher deliveries = new DeliveryDispatcher(
                    apis.stream().collect(Collectors.toMap(StubApi::id, StubApi::deliveries)),
                    DeliveryLog.open(database, mapper, config.delivery()), config.delivery(), ids, clock);
            try {
                SharedResets resets = SharedResets.of(database);
                AdminDocument adminDocument = new AdminDocument(apis);
                OpsHandler ops = new OpsHandler(apis, adminDocument, database);
                ProxyReport report = proxies == null ? ProxyReport.NONE : proxies.report();
                frontDoor.open(new FrontDoor.Route(AdminApplication.CONTEXT_PATH, jersey.of(() -> AdminApplication
                        .create(apis, adminDocument, config.credentials().adminToken(), mapper, deliveries, journal,
                                Map.copyOf(faults), clock, resets, report)), new MessageErrorFormat())
                                .servedApart(),
                        ops.documentPaths());
                if (proxies != null) {
                    // Last, and below every other route: the stub's own paths stay the stub's.
                    proxies.document().ifPresent(document -> {
                        journal.add(new RequestJournal.Api(ProxySettings.Document.ID, "", document.spec()));
                        frontDoor.open(new FrontDoor.Route("", document.handler(), new ProblemDetailsErrorFormat())
                                .forwarding(), Set.of(OpsHandler.HEALTH));
                    });
                }
                frontDoor.complete(ops);
            } catch (RuntimeException e) {
                deliveries.close();
                throw e;
            }
            jersey.beginWhenIdle();
            deliveries.resume();
            return new StubServer(server, listener, apis, database, Map.copyOf(fastPaths), deliveries, jersey,
                    proxies);
        }

        /** The start failed: a request waiting for an API is refused, and nothing more is built. */
        void abort(Throwable cause) {
            frontDoor.fail(cause);
            jersey.close();
        }
    }

    /**
     * A failed start frees its port before it throws, so that the caller may start again on it. Grizzly's shutdown
     * closes the listening socket on its selector thread and waits for that only so long: a start that failed just
     * after it listened left the port bound for a moment (StartupTest). Waits at most two seconds.
     */
    private static void awaitUnbound(ServerConfig config) {
        if (config.port() == 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.bind(new java.net.InetSocketAddress(config.host(), config.port()));
                return;
            } catch (IOException stillBound) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Starts the server on the listener with the front door as its only handler. */
    private static HttpServer listen(ServerConfig config, NetworkListener listener, FrontDoor frontDoor,
                                     RequestJournal journal) {
        HttpServer server = new HttpServer();
        server.addListener(listener);
        if (journal.active()) {
            server.getServerConfiguration().getMonitoringConfig().getHttpConfig().addProbes(journal.probe());
        }
        // The front door answers from the listener's first request (FrontDoorAddOn); registered here as well, it is
        // started and destroyed with the server.
        listener.registerAddOn(new FrontDoorAddOn(frontDoor));
        listener.registerAddOn(new MalformedRequestLineAddOn(frontDoor));
        // TRACE goes to the APIs, which refuse it in their own format (Grizzly's own answer is a bare 405).
        server.getServerConfiguration().setPassTraceRequest(true);
        server.getServerConfiguration().addHttpHandler(frontDoor, HttpHandlerRegistration.ROOT);
        try {
            server.start();
        } catch (IOException e) {
            throw new ConfigException("Cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
        return server;
    }

    /** The shared PostgreSQL database, the H2 one in the data folder, or none (memory). */
    private static Database openDatabase(ServerConfig config) {
        if (config.database() != null && config.dataDir() != null) {
            throw new ConfigException("--database and --data-dir cannot be used together: choose one store");
        }
        if (config.database() != null) {
            return Database.connect(config.database());
        }
        return config.dataDir() == null ? null : Database.open(config.dataDir());
    }

    /**
     * Begins building the APIs side by side (mostly class loading and parsing, which parallelises well on two
     * cores), MijnKlantportaal's first; {@code opened} has each as soon as it is built.
     */
    private static Startup.Steps<StubApi> loadApis(ServerConfig config, SpecSource specs, Stores stores,
                                                   Assembly assembly, Consumer<StubApi> opened) {
        ApiContext context = new ApiContext(config.credentials(), config.fixtures(), specs, stores, assembly.mapper,
                assembly.ids, assembly.clock);
        return Startup.begin(List.<Callable<StubApi>>of(
                () -> new MijnklantportaalApi(context), () -> new EqualsMoneyApi(context),
                () -> new PartooApi(context), () -> new MollieApi(context)), opened);
    }

    private static NetworkListener listener(ServerConfig config) {
        NetworkListener listener = new NetworkListener("hookstub", config.host(), config.port());
        listener.registerAddOn(new NoProtocolUpgradeAddOn());
        listener.registerAddOn(new UnreadBodyAddOn());
        listener.setMaxHttpHeaderSize(RequestLimits.MAX_HEADER_BLOCK_BYTES);
        // A client that stops sending mid-body, or idles on a kept-alive connection, is cut off, not waited for.
        long stall = RequestLimits.stallTimeout().toMillis();
        listener.getTransport().setReadTimeout(stall, TimeUnit.MILLISECONDS);
        listener.getTransport().setWriteTimeout(stall, TimeUnit.MILLISECONDS);
        listener.getKeepAlive().setIdleTimeoutInSeconds(KEEP_ALIVE_IDLE_SECONDS);
        // Grizzly closes a kept-alive connection after 256 requests; a stub has nothing to reclaim by that, and its
        // clients (a test suite's pool, a load generator, the proxy's connections to an upstream stub) would open a
        // new connection every 256 requests. Jetty, and so WireMock, sets no such limit either.
        listener.getKeepAlive().setMaxRequestsCount(UNLIMITED_REQUESTS_PER_CONNECTION);
        return listener;
    }

    public int port() {
        return listener.getPort();
    }

    public URI baseUri() {
        String host = listener.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** Requests answered by one API's fast path since start: 0 when the fast path is off. */
    public long fastPathServed(String apiId) {
        if (!API_IDS.contains(apiId)) {
            throw new IllegalArgumentException("No such API: " + apiId);
        }
        FastPath fastPath = fastPaths.get(apiId);
        return fastPath == null ? 0 : fastPath.served();
    }

    public List<StubApi> apis() {
        return apis;
    }

    /** Stops accepting, lets requests in flight finish for up to five seconds, then closes. */
    @Override
    public void close() {
        // First, so that what is queued or in flight is written back as pending while the database is open.
        deliveries.close();
        try {
            server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 1, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.shutdownNow();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            jersey.close();
            if (database != null) {
                database.close();
            }
            if (proxies != null) {
                proxies.close();
            }
        }
    }

    /** Where the API's requests are forwarded, when the stub is a proxy for it. */
    public java.util.Optional<Upstream> upstreamOf(String apiId) {
        return proxies == null ? java.util.Optional.empty() : proxies.upstreamOf(apiId);
    }
}
