package dev.hookstub.server.journal;

/**
 * How much the stub remembers of the requests it answers and whether it logs them.
 *
 * @param size        requests kept per API, the oldest forgotten first; 0 keeps none
 * @param logRequests one log line per request to the four APIs
 */
public record JournalOptions(int size, boolean logRequests) {

    public static final int DEFAULT_SIZE = 1000;
    /** A million entries of up to 8 KiB each is already more memory than a stub should hold. */
    public static final int MAX_SIZE = 1_000_000;

    public JournalOptions {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("journal size must be between 0 and " + MAX_SIZE + ", not " + size);
        }
    }

    /** Whether requests are recorded or logged at all. */
    boolean active() {
        return size > 0 || logRequests;
    }

    public static JournalOptions defaults() {
        return new JournalOptions(DEFAULT_SIZE, false);
    }

    public JournalOptions withSize(int newSize) {
        return new JournalOptions(newSize, logRequests);
    }

    public JournalOptions withLogRequests(boolean enabled) {
        return new JournalOptions(size, enabled);
    }
}
