package dev.hookstub.junit;

import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.proxy.ProxyReport;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.proxy.Upstream;
import dev.hookstub.server.proxy.ProxyReport;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.proxy.Upstream;
import java.time.Duration;
import java.util.Map;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A stub per test class, started before its first test, reset before every test, closed after its last; nested
 * classes share their outer class's. Modelled on WireMock's {@code WireMockExtension}, and used two ways:
 * <ul>
 * <li>declared, by {@link HookstubTest} (the stub's defaults, the annotation's delivery settings), a test taking
 *     a {@link Hookstub} parameter;</li>
 * <li>registered, for a stub of another configuration, its handle's parts at hand:
 * <pre>{@code
 * @RegisterExtension
 * static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig().withFastPath(false));
 * ... stub.http().get(...) ... stub.admin().createWebhook(...) ...
 * }</pre></li>
 * </ul>
 */
public final class HookstubExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(HookstubExtension.class);

    /** Null when declared by {@link HookstubTest}, which says what to start. */
    private final ServerConfig config;
    private final boolean withoutRecords;
    /** The stub a registered extension started. */
    private volatile Hookstub started;

    /** As {@link HookstubTest} declares it. */
    public HookstubExtension() {
        this(null, false);
    }

    private HookstubExtension(ServerConfig config, boolean withoutRecords) {
        this.config = config;
        this.withoutRecords = withoutRecords;
    }

    /** A stub started with this configuration ({@link Hookstub#defaultConfig()} and what the test changes of it). */
    public static HookstubExtension with(ServerConfig config) {
        return new HookstubExtension(config, false);
    }

    /** Each test starts without any record, fixtures included (see {@link Hookstub#resetWithoutRecords()}). */
    public HookstubExtension withoutRecords() {
        return new HookstubExtension(config, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        hookstub(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (withoutRecords) {
            hookstub(context).resetWithoutRecords();
        } else {
            hookstub(context).reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Hookstub.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return hookstub(context);
    }

    /** The running stub of a registered extension. */
    public Hookstub hookstub() {
        Hookstub running = started;
        if (running == null) {
            throw new IllegalStateException("the stub starts before the test class's first test");
        }
        return running;
    }

    public HookstubHttp http() {
        return hookstub().http();
    }

    public HookstubHttp adminHttp() {
        return hookstub().adminHttp();
    }

    public HookstubAdmin admin() {
        return hookstub().admin();
    }

    public DeliveryReceiver receiver() {
        return hookstub().receiver();
    }

    public StubServer server() {
        return hookstub().server();
    }

    private Hookstub hookstub(ExtensionContext context) {
        return config == null ? declared(context) : registered(context);
    }

    /** Started by the context that first needs it (the class's, for a static field), closed with that context. */
    private synchronized Hookstub registered(ExtensionContext context) {
        if (started == null) {
            started = context.getStore(NAMESPACE).getOrComputeIfAbsent(this,
                    key -> new Running(Hookstub.start(config), this), Running.class).hookstub;
        }
        return started;
    }

    /** The stub of the outermost class carrying {@link HookstubTest}, started on first use. */
    private static Hookstub declared(ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        while (owner.getParent().isPresent() && owner.getParent().get().getTestClass().isPresent()
                && owner.getParent().get().getTestClass().get().isAnnotationPresent(HookstubTest.class)) {
            owner = owner.getParent().get();
        }
        HookstubTest settings = owner.getRequiredTestClass().getAnnotation(HookstubTest.class);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class,
                type -> new Running(Hookstub.start(configOf(settings), Upstreams.credentials(System.getProperties())),
                        null), Running.class).hookstub;
    }

    /**
     * The stub's defaults with the annotation's delivery settings; a validating proxy for each API the annotation's
     * {@code upstreams} or the system properties {@code hookstub.upstream.<api>} forward (see {@link Upstreams}).
     */
    private static ServerConfig configOf(HookstubTest settings) {
        DeliveryOptions delivery = DeliveryOptions.defaults();
        if (settings != null) {
            delivery = delivery.withRetries(settings.deliveryRetries())
                    .withRetryDelay(Duration.ofMillis(settings.deliveryRetryDelayMs()));
        }
        Map<String, Upstream> upstreams = Upstreams.of(settings == null ? new String[0] : settings.upstreams(),
                System.getProperties());
        ServerConfig config = Hookstub.defaultConfig().withDelivery(delivery);
        if (!upstreams.isEmpty()) {
            config = config.withProxy(new ProxySettings(upstreams, null, false, null, false, ProxyReport.NONE));
        }
        return config;
    }

    /**
     * Closed by JUnit when the context that started it closes. JUnit 5.13 and later close what is AutoCloseable and
     * warn about a CloseableResource that is not; earlier ones close a CloseableResource only: it is both.
     */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Hookstub hookstub;
        private final HookstubExtension registered;

        Running(Hookstub hookstub, HookstubExtension registered) {
            this.hookstub = hookstub;
            this.registered = registered;
        }

        @Override
        public void close() {
            if (registered != null) {
                registered.started = null;
            }
            hookstub.close();
        }
    }
}
