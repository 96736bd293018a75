package dev.hookstub.server.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The last {@code capacity} entries of one API. One lock per API: an append is a few stores, so requests to
 * one API barely wait for each other and requests to different APIs never do.
 */
final class RequestRing {

    private final JournalEntry[] slots;
    /** Entries ever added, which is also the last id given; ids count on across clears. Guarded by this. */
    private long added;
    /** Entries held now. Guarded by this. */
    private int held;

    RequestRing(int capacity) {
        this.slots = new JournalEntry[capacity];
    }

    /** Adds the entry built for the next id, forgetting the oldest when full. */
    synchronized void add(LongFunction<JournalEntry> entry) {
        slots[(int) (added % slots.length)] = entry.apply(added + 1);
        added++;
        held = Math.min(held + 1, slots.length);
    }

    synchronized List<JournalEntry> newestFirst() {
        List<JournalEntry> entries = new ArrayList<>(held);
        for (long i = added - 1; i >= added - held; i--) {
            entries.add(slots[(int) (i % slots.length)]);
        }
        return entries;
    }

    synchronized void clear() {
        Arrays.fill(slots, null);
        held = 0;
    }
}
