package dev.hookstub.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs independent start-up steps side by side; a step's failure surfaces as itself, as if it had run alone. */
final class Startup {

    private Startup() {
    }

    static <T> List<T> all(ExecutorService executor, List<Callable<T>> steps) {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> step : steps) {
            futures.add(executor.submit(step));
        }
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }
}
