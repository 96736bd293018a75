package dev.hookstub.junit;

import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.proxy.ProxyReport;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.proxy.Upstream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link HookstubTest}: one stub per test class (nested classes share their outer class's),
 * closed with the class; reset before every test. Modelled on WireMock's {@code WireMockExtension}.
 */
public final class HookstubExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(HookstubExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context).handle.reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Hookstub.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).handle;
    }

    /** The stub of the outermost class carrying the annotation, started on first use. */
    private static Running running(ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        while (owner.getParent().isPresent() && owner.getParent().get().getTestClass().isPresent()
                && owner.getParent().get().getTestClass().get().isAnnotationPresent(HookstubTest.class)) {
            owner = owner.getParent().get();
        }
        HookstubTest settings = owner.getRequiredTestClass().getAnnotation(HookstubTest.class);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, type -> new Running(settings),
                Running.class);
    }

    /**
     * Closed by JUnit when its class's context closes. JUnit 5.13 and later close what is AutoCloseable and warn
     * about a CloseableResource that is not; earlier ones close a CloseableResource only: it is both.
     */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final StubServer server;
        private final Hookstub handle;

        Running(HookstubTest settings) {
            DeliveryOptions delivery = DeliveryOptions.defaults();
            if (settings != null) {
                delivery = delivery.withRetries(settings.deliveryRetries())
                        .withRetryDelay(Duration.ofMillis(settings.deliveryRetryDelayMs()));
            }
            Map<String, Upstream> upstreams = Upstreams.of(settings == null ? new String[0] : settings.upstreams(),
                    System.getProperties());
            ServerConfig config = ServerConfig.defaults().withPort(0).withDelivery(delivery);
            if (!upstreams.isEmpty()) {
                config = config.withProxy(new ProxySettings(upstreams, null, false, null, false, ProxyReport.NONE));
            }
            server = StubServer.start(config);
            handle = new Hookstub(server.baseUri().toString(),
                    ServerConfig.defaults().credentials().adminToken(), upstreams.keySet(),
                    Upstreams.credentials(System.getProperties()));
        }

        @Override
        public void close() {
            handle.receiver().close();
            server.close();
        }
    }
}
