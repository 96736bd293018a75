package dev.hookstub.server.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stub's one clock, which a test can steer: real time until it is frozen, set or advanced, and again after
 * {@link #reset()}. Every time the stub writes (records' timestamps, deliveries' attempts and their
 * {@code webhook-timestamp}) is read from it, so that a test can walk a retry schedule of hours in milliseconds.
 * Advancing a running clock leaves it running, ahead of real time by what was added.
 */
public final class StubClock extends Clock {

    public enum Mode {
        REAL, FROZEN, OFFSET;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One consistent reading of the settings, replaced as a whole so that readers never see half a change. */
    private record State(Mode mode, Instant frozenAt, Duration offset) {
    }

    private static final State REAL = new State(Mode.REAL, null, Duration.ZERO);

    private final Clock real;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = REAL;

    public StubClock(Clock real) {
        this.real = real;
    }

    public static StubClock systemUtc() {
        return new StubClock(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        State current = state;
        return switch (current.mode()) {
            case REAL -> real.instant();
            case FROZEN -> current.frozenAt();
            case OFFSET -> real.instant().plus(current.offset());
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Only UTC is ever asked for; another zone gets a view that still follows this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        StubClock steered = this;
        return zone.equals(getZone()) ? this : new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return steered.withZone(other);
            }

            @Override
            public Instant instant() {
                return steered.instant();
            }
        };
    }

    public Mode mode() {
        return state.mode();
    }

    /** Whether time passes by itself: a frozen clock moves only when it is set or advanced. */
    public boolean ticking() {
        return state.mode() != Mode.FROZEN;
    }

    /** Stops the clock at the present instant. */
    public synchronized void freeze() {
        change(new State(Mode.FROZEN, instant(), Duration.ZERO));
    }

    /** Stops the clock at the given instant, which may lie before or after the present. */
    public synchronized void set(Instant at) {
        change(new State(Mode.FROZEN, at, Duration.ZERO));
    }

    /** Moves the clock forward; a frozen clock stays frozen, a running one keeps running from there. */
    public synchronized void advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        State current = state;
        change(current.mode() == Mode.FROZEN
                ? new State(Mode.FROZEN, current.frozenAt().plus(by), Duration.ZERO)
                : new State(Mode.OFFSET, null, current.offset().plus(by)));
    }

    /** Back to real time. */
    public synchronized void reset() {
        change(REAL);
    }

    /** Called after every change, on the thread that made it; deliveries re-plan their wait from it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void change(State next) {
        state = next;
        listeners.forEach(Runnable::run);
    }
}
