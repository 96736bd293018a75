package dev.hookstub.server;

import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.core.StubApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.admin.AdminApplication;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.clock.StubClock;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.config.NetworkExposure;
import dev.hookstub.server.delivery.DeliveryLog;
import dev.hookstub.server.delivery.DeliveryDispatcher;
import dev.hookstub.server.equalsmoney.EqualsMoneyWebhookRecord;
import dev.hookstub.server.mijnklantportaal.MijnklantportaalWebhookRecord;
import dev.hookstub.server.mollie.MollieWebhookRecord;
import dev.hookstub.server.partoo.PartooWebhookRecord;
import dev.hookstub.server.store.Database;
import dev.hookstub.server.store.SharedResets;
import dev.hookstub.server.equalsmoney.EqualsMoneyApi;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.fault.ApiFaults;
import dev.hookstub.server.carrier.FastCarrier;
import dev.hookstub.server.http.FrontDoor;
import dev.hookstub.server.http.MalformedRequestLineAddOn;
import dev.hookstub.server.http.PendingHandler;
import dev.hookstub.server.http.UnreadBodyAddOn;
import dev.hookstub.server.http.NoProtocolUpgradeAddOn;
import dev.hookstub.server.http.RequestLimits;
import dev.hookstub.server.journal.RequestJournal;
import dev.hookstub.server.json.ObjectMappers;
import dev.hookstub.server.mijnklantportaal.MijnklantportaalApi;
import dev.hookstub.server.mollie.MollieApi;
import dev.hookstub.server.partoo.PartooApi;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;

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

    static {
        PROVIDER_CHECK.setLevel(Level.SEVERE);
    }

    /** The APIs the stub serves, as they appear in URLs, configuration and fixture file names. */
    public static final java.util.Set<String> API_IDS = java.util.Set.of("mijnklantportaal", "equalsmoney", "partoo", "mollie");

    static final int READ_TIMEOUT_SECONDS = 10;
    /** In-flight requests get this long to finish on shutdown; SIGTERM must exit within five seconds. */
    static final int GRACE_SECONDS = 3;
    static final int KEEP_ALIVE_IDLE_SECONDS = 30;

    private final HttpServer server;
    private final NetworkListener listener;
    private final List<StubApi> apis;
    private final Database database;
    /** Each API's fast carrier, by {@link StubApi#id()}; none when the carrier is off. */
    private final java.util.Map<String, FastCarrier> fastCarriers;
    private final DeliveryDispatcher deliveries;

    private StubServer(HttpServer server, NetworkListener listener, List<StubApi> apis, Database database,
                       java.util.Map<String, FastCarrier> fastCarriers, DeliveryDispatcher deliveries) {
        this.deliveries = deliveries;
        this.fastCarriers = java.util.Map.copyOf(fastCarriers);
        this.database = database;
        this.server = server;
        this.listener = listener;
        this.apis = apis;
    }

    /**
     * Loads the APIs and their records, listens (the fast carriers answer at once), and builds the Jersey
     * applications in the background (a request that needs one waits for it); then resumes deliveries left pending
     * by a previous run.
     */
    public static StubServer start(ServerConfig config) {
        NetworkExposure.requireOwnAdminToken(config.host(), config.credentials().adminToken());
        ObjectMapper mapper = ObjectMappers.create();
        IdGenerator ids = new IdGenerator();
        // One steerable clock for records, deliveries and their headers alike (POST /__admin/clock).
        StubClock clock = StubClock.systemUtc();
        Database database = openDatabase(config);
        // Building the APIs is mostly class loading and parsing, which parallelises well on two cores.
        ExecutorService boot = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        Loaded loaded = load(config, database, mapper, ids, clock, boot);
        boot.shutdown();
        List<StubApi> apis = loaded.apis();
        RequestJournal journal = new RequestJournal(config.journal(), apis.stream()
                .map(api -> new RequestJournal.Api(api.id(), api.contextPath(), api.spec())).toList());
        java.util.Map<String, ApiFaults> faults = apis.stream()
                .collect(java.util.stream.Collectors.toMap(StubApi::id, api -> new ApiFaults(api.spec())));
        java.util.Map<String, FastCarrier> fastCarriers = new java.util.HashMap<>();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        // One thread, so that the first requests, answered while the applications are built, keep a core.
        ExecutorService jersey = Executors.newSingleThreadExecutor();
        List<FrontDoor.Route> routes = routes(config, apis, jerseyApplications(config, apis, mapper,
                loaded.deliveries(), journal, faults, clock, SharedResets.of(database), jersey, listening),
                fastCarriers, faults, mapper);
        OpsHandler ops = new OpsHandler(apis, database);
        FrontDoor frontDoor = new FrontDoor(routes, ops, ops.documentPaths(), new MessageErrorFormat(), mapper, journal);
        NetworkListener listener = listener(config);
        HttpServer server;
        try {
            server = listen(config, listener, frontDoor, journal, loaded.deliveries(), database);
            listening.complete(null);
        } catch (RuntimeException e) {
            listening.completeExceptionally(e);
            throw e;
        } finally {
            // The builds are queued by now (or cancelled); the thread ends once they are done.
            jersey.shutdown();
        }
        loaded.deliveries().resume();
        return new StubServer(server, listener, apis, database, fastCarriers, loaded.deliveries());
    }

    /** The APIs with their records, and the dispatcher that delivers their events. */
    private record Loaded(List<StubApi> apis, DeliveryDispatcher deliveries) {
    }

    /** Builds the APIs, seeding their records, and the dispatcher; on failure closes what it opened. */
    private static Loaded load(ServerConfig config, Database database, ObjectMapper mapper, IdGenerator ids,
                               StubClock clock, ExecutorService boot) {
        try {
            List<StubApi> apis = loadApis(config, new Stores(database, mapper), mapper, ids, clock, boot);
            DeliveryDispatcher deliveries = new DeliveryDispatcher(
                    apis.stream().collect(java.util.stream.Collectors.toMap(StubApi::id, StubApi::deliveries)),
                    DeliveryLog.open(database, mapper, config.delivery()),
                    config.delivery(), ids, clock);
            return new Loaded(apis, deliveries);
        } catch (RuntimeException e) {
            boot.shutdownNow();
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    /** Starts the server on the listener with the front door as its only handler; on failure closes the rest. */
    private static HttpServer listen(ServerConfig config, NetworkListener listener, FrontDoor frontDoor,
                                     RequestJournal journal, DeliveryDispatcher deliveries, Database database) {
        HttpServer server = new HttpServer();
        server.addListener(listener);
        if (journal.active()) {
            server.getServerConfiguration().getMonitoringConfig().getHttpConfig().addProbes(journal.probe());
        }
        server.getServerConfiguration().addHttpHandler(frontDoor, HttpHandlerRegistration.ROOT);
        try {
            server.start();
        } catch (IOException e) {
            deliveries.close();
            if (database != null) {
                database.close();
            }
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

    private static List<StubApi> loadApis(ServerConfig config, Stores stores, ObjectMapper mapper, IdGenerator ids,
                                          Clock clock, ExecutorService boot) {
        ApiContext context = new ApiContext(config.credentials(), config.fixtures(), mapper, ids, clock);
        return Startup.all(boot, List.<Callable<StubApi>>of(
                () -> new MijnklantportaalApi(context, stores.of("mijnklantportaal", MijnklantportaalWebhookRecord.class)),
                () -> new EqualsMoneyApi(context, stores.of("equalsmoney", EqualsMoneyWebhookRecord.class)),
                () -> new PartooApi(context, stores.of("partoo", PartooWebhookRecord.class)),
                () -> new MollieApi(context, stores.of("mollie", MollieWebhookRecord.class))));
    }

    private static NetworkListener listener(ServerConfig config) {
        NetworkListener listener = new NetworkListener("hookstub", config.host(), config.port());
        listener.registerAddOn(new NoProtocolUpgradeAddOn());
        listener.registerAddOn(new MalformedRequestLineAddOn());
        listener.registerAddOn(new UnreadBodyAddOn());
        listener.setMaxHttpHeaderSize(RequestLimits.MAX_HEADER_BLOCK_BYTES);
        // A client that stops sending mid-body, or idles on a kept-alive connection, is cut off, not waited for.
        listener.getTransport().setReadTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        listener.getTransport().setWriteTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        listener.getKeepAlive().setIdleTimeoutInSeconds(KEEP_ALIVE_IDLE_SECONDS);
        return listener;
    }

    /**
     * Each API's Jersey application, then the admin API's, built in the background once the server listens (before,
     * they would take the cores from the start-up itself); a request that needs one waits for it.
     */
    private static List<PendingHandler> jerseyApplications(ServerConfig config, List<StubApi> apis,
                                                           ObjectMapper mapper, DeliveryDispatcher deliveries,
                                                           RequestJournal journal,
                                                           java.util.Map<String, ApiFaults> faults,
                                                           StubClock clock, SharedResets resets,
                                                           ExecutorService builder,
                                                           CompletableFuture<Void> listening) {
        List<PendingHandler> built = new java.util.ArrayList<>();
        for (StubApi api : apis) {
            built.add(new PendingHandler(listening.thenApplyAsync(
                    ready -> ContainerFactory.createContainer(GrizzlyHttpContainer.class, api.application()),
                    builder)));
        }
        built.add(new PendingHandler(listening.thenApplyAsync(ready -> ContainerFactory.createContainer(
                GrizzlyHttpContainer.class, AdminApplication.create(apis, config.credentials().adminToken(), mapper,
                        deliveries, journal, faults, clock, resets)), builder)));
        return built;
    }

    /** Each API at its context path, behind its fast carrier unless that is off; the admin API last. */
    private static List<FrontDoor.Route> routes(ServerConfig config, List<StubApi> apis, List<PendingHandler> built,
                                                java.util.Map<String, FastCarrier> fastCarriers,
                                                java.util.Map<String, ApiFaults> faults, ObjectMapper mapper) {
        List<FrontDoor.Route> routes = new java.util.ArrayList<>();
        for (int i = 0; i < apis.size(); i++) {
            StubApi api = apis.get(i);
            HttpHandler container = built.get(i);
            if (config.fastCarrier()) {
                FastCarrier carrier = new FastCarrier(container, api.operations(), api.validator(),
                        api.errorFormat(), mapper);
                fastCarriers.put(api.id(), carrier);
                container = carrier;
            }
            routes.add(new FrontDoor.Route(api.contextPath(), container, api.errorFormat(), faults.get(api.id())));
        }
        routes.add(new FrontDoor.Route(AdminApplication.CONTEXT_PATH, built.get(apis.size()), new MessageErrorFormat()));
        return routes;
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

    /** Requests answered by one API's fast carrier since start: 0 when the carrier is off. */
    public long fastCarrierServed(String apiId) {
        if (!API_IDS.contains(apiId)) {
            throw new IllegalArgumentException("No such API: " + apiId);
        }
        FastCarrier carrier = fastCarriers.get(apiId);
        return carrier == null ? 0 : carrier.served();
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
            if (database != null) {
                database.close();
            }
        }
    }
}
