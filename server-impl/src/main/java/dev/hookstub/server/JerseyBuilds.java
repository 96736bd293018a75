package dev.hookstub.server;

import dev.hookstub.server.http.PendingHandler;
import jakarta.ws.rs.core.Application;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;

/**
 * The Jersey applications, built one after another on one thread of their own, and not before the server has
 * answered its first request, a request needs one, or a second has passed since every API was loaded: a build
 * takes a core for a few hundred milliseconds, and would otherwise take it from the first request, which the fast
 * paths and the front door answer without Jersey (docs/adr/006). On the same thread and before the builds runs
 * what else the first answer did not need ({@code beforeBuilds}).
 */
final class JerseyBuilds implements AutoCloseable {

    static final long IDLE_START_MILLIS = 1000;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread builder = new Thread(runnable, "hookstub-jersey-build");
        builder.setDaemon(true);
        return builder;
    });
    private final CompletableFuture<Void> begun = new CompletableFuture<>();
    private final AtomicBoolean beginning = new AtomicBoolean();
    private final Runnable beforeBuilds;

    JerseyBuilds(Runnable beforeBuilds) {
        this.beforeBuilds = beforeBuilds;
    }

    /** The application, as a handler that waits for it to be built (and asks for the build to begin). */
    PendingHandler of(Supplier<Application> application) {
        return new PendingHandler(begun.thenApplyAsync(
                go -> ContainerFactory.createContainer(GrizzlyHttpContainer.class, application.get()), thread),
                this::begin);
    }

    /** Runs the work on the builds' thread once they have begun (soon, if they have). */
    void later(Runnable work) {
        begun.thenRunAsync(work, thread);
    }

    /** Builds from now on. */
    void begin() {
        if (beginning.compareAndSet(false, true)) {
            try {
                // Queued on the one thread ahead of every build, which completing begun queues after it.
                thread.execute(beforeBuilds);
            } catch (RejectedExecutionException closed) {
                // Closed before the builds began (a test's stub started and closed within the idle second):
                // nothing to build for. It was an uncaught exception, printed with its stack trace.
                return;
            }
            begun.complete(null);
        }
    }

    /** Builds a second from now at the latest, when nothing has asked before. */
    void beginWhenIdle() {
        CompletableFuture.delayedExecutor(IDLE_START_MILLIS, TimeUnit.MILLISECONDS).execute(this::begin);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
