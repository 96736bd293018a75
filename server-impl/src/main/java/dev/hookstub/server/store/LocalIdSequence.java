package dev.hookstub.server.store;

import java.util.concurrent.atomic.AtomicLong;

/** A sequence in this process's memory: right where no other process shares the records. */
final class LocalIdSequence implements IdSequence {

    private final AtomicLong highest;

    LocalIdSequence(long highest) {
        this.highest = new AtomicLong(highest);
    }

    @Override
    public long next() {
        return highest.updateAndGet(id -> id == Long.MAX_VALUE ? id : id + 1);
    }

    @Override
    public void taken(long id) {
        highest.accumulateAndGet(id, Math::max);
    }

    @Override
    public void restart() {
        highest.set(0);
    }
}
