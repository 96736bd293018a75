package dev.hookstub.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Independent start-up steps run side by side on a pool of their own, each result handed on as soon as it is there,
 * while the caller goes on; a step's failure surfaces as itself, as if it had run alone.
 */
final class Startup {

    private Startup() {
    }

    /** Steps begun; their results in the steps' order once all are done. */
    static final class Steps<T> {

        private final ExecutorService pool;
        private final List<Future<T>> futures;

        private Steps(ExecutorService pool, List<Future<T>> futures) {
            this.pool = pool;
            this.futures = futures;
        }

        /** Waits for every step; the first to fail (in the steps' order) cancels the rest and is thrown. */
        List<T> results() {
            List<T> results = new ArrayList<>();
            try {
                for (Future<T> future : futures) {
                    results.add(future.get());
                }
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            } catch (ExecutionException e) {
                cancel();
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
            return results;
        }

        /** Stops what has not run. */
        void cancel() {
            pool.shutdownNow();
        }
    }

    /** Begins the steps; {@code done} sees each result on the thread that made it, before the step counts as done. */
    static <T> Steps<T> begin(List<Callable<T>> steps, Consumer<T> done) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> step : steps) {
            futures.add(pool.submit(() -> {
                T result = step.call();
                done.accept(result);
                return result;
            }));
        }
        return new Steps<>(pool, futures);
    }
}
