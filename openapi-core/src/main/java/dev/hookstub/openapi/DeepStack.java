package dev.hookstub.openapi;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs work that recursed past its thread's stack once more, on a thread with a deep one. The JDK's regular
 * expressions recurse per character of a repeated group, and the JSON Schema library per level of a document and of
 * each {@code $ref} and {@code oneOf} it follows: how deep either goes depends on a value from anyone, and how much
 * stack the caller had left. The thread's stack is reserved, not taken: it is committed as deep as the work goes.
 */
final class DeepStack {

    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private DeepStack() {
    }

    /** The work's result; its exception as thrown, a StackOverflowError too when even the deep stack ran out. */
    static <T> T call(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread deep = new Thread(null, task, "hookstub-deep-stack", STACK_BYTES);
        deep.setDaemon(true);
        deep.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
