package dev.hookstub.conformance.support;

import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.store.PostgresServer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the stub server once for the whole suite, in-process on a free port (with the test kit's
 * {@link Hookstub#start}, as every test of the stub does), and hands tests the {@link ConformanceTarget} to talk to
 * over HTTP. Starts nothing when the suite is pointed at another server ({@code -Dconformance.baseUrl} or a per-API
 * option).
 */
public final class StubServerExtension implements BeforeAllCallback, ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StubServerExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (ConformanceTarget.pointsElsewhere() && stubVariant()) {
            // The build's other runs vary the stub (Jersey only, a shared PostgreSQL): pointed at another server
            // they would check it again, the same way, three more times.
            return ConditionEvaluationResult.disabled("the suite checks another server: its default run does");
        }
        Optional<ConformanceTest> annotation = context.getTestClass()
                .flatMap(StubServerExtension::outermost)
                .map(type -> type.getAnnotation(ConformanceTest.class));
        if (annotation.isEmpty() || annotation.get().value().length == 0) {
            return ConditionEvaluationResult.enabled("checks no particular API");
        }
        ConformanceTarget target = target(context);
        for (Preset api : annotation.get().value()) {
            if (target.checks(api)) {
                return ConditionEvaluationResult.enabled(api.id() + " is checked in this run");
            }
        }
        return ConditionEvaluationResult.disabled("this run does not check " + Arrays.toString(annotation.get().value()));
    }

    /** Whether this is one of the build's runs against a variant of the stub, not its default run. */
    private static boolean stubVariant() {
        return System.getProperty("conformance.store") != null
                || !Boolean.parseBoolean(System.getProperty("conformance.fastPath", "true"));
    }

    private static Optional<Class<?>> outermost(Class<?> type) {
        Class<?> current = type;
        while (current.getEnclosingClass() != null && !current.isAnnotationPresent(ConformanceTest.class)) {
            current = current.getEnclosingClass();
        }
        return Optional.of(current);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        target(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConformanceTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return target(context);
    }

    private static ConformanceTarget target(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("target", key -> {
            if (ConformanceTarget.pointsElsewhere()) {
                return ConformanceTarget.from(System.getProperty("conformance.baseUrl", ""));
            }
            if ("postgresql".equals(System.getProperty("conformance.store"))) {
                SharedDatabaseStubs stubs = context.getRoot().getStore(NAMESPACE)
                        .getOrComputeIfAbsent("stubs", k -> new SharedDatabaseStubs(), SharedDatabaseStubs.class);
                return stubs.target(System.getProperty("conformance.instance", "a"));
            }
            RunningStub stub = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent("stub", k -> new RunningStub(), RunningStub.class);
            return ConformanceTarget.from(stub.stub.baseUrl());
        }, ConformanceTarget.class);
    }

    /**
     * {@code -Dconformance.store=postgresql}: a real PostgreSQL server (Debian's, installed when missing) and two
     * instances of the stub on one database in it, as a team shares a sandbox. The suite checks the instance that
     * {@code -Dconformance.instance} names ({@code a} or {@code b}) and sends its admin set-up to the other.
     */
    private static final class SharedDatabaseStubs implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final PostgresServer postgres = PostgresServer.start();
        private final Hookstub a;
        private final Hookstub b;

        SharedDatabaseStubs() {
            ServerConfig config = Hookstub.defaultConfig().withDatabase(postgres.settings(postgres.newDatabase()));
            a = Hookstub.start(config);
            b = Hookstub.start(config);
            for (Hookstub each : List.of(a, b)) {
                String health = each.http().get("/health").body();
                if (!health.contains("\"store\":\"postgresql\"")) {
                    throw new IllegalStateException("an instance is not on the shared database: " + health);
                }
            }
        }

        ConformanceTarget target(String instance) {
            Hookstub checked = "b".equals(instance) ? b : a;
            Hookstub other = checked == a ? b : a;
            return ConformanceTarget.from(checked.baseUrl()).withAdminAt(other.baseUrl());
        }

        @Override
        public void close() {
            a.close();
            b.close();
            postgres.close();
        }
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of the run. */
    private static final class RunningStub implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        /**
         * {@code -Dconformance.fastPath=false} (the build's second run) starts the stub with every request answered
         * by Jersey; a test switch, not an option of the stub's command line.
         */
        private final Hookstub stub = Hookstub.start(Hookstub.defaultConfig()
                .withFastPath(Boolean.parseBoolean(System.getProperty("conformance.fastPath", "true"))));

        @Override
        public void close() {
            stub.close();
        }
    }
}
