package dev.hookstub.server.fault;

import dev.hookstub.server.fault.FaultEffect.Delay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * One rule: which requests it matches (an operation or all, a credential or any, the next {@code times} of them,
 * a {@code fraction} of them) and its effect. A rule with {@code times} is spent after that many and then matches
 * nothing; it stays listed with {@code remaining: 0} so that a test can see it fired.
 */
public final class FaultRule {

    /** What a rule matches; null fields match anything. */
    public record Match(String operation, String credential, Integer times, Double fraction, Long seed) {
    }

    private final String id;
    private final Match match;
    private final FaultEffect effect;
    private final AtomicInteger remaining;
    private final LongAdder applied = new LongAdder();
    /** Only for a seeded rule, so that its draws repeat from run to run; guarded by itself. */
    private final SplittableRandom seeded;

    FaultRule(String id, Match match, FaultEffect effect) {
        this.id = id;
        this.match = match;
        this.effect = effect;
        this.remaining = match.times() == null ? null : new AtomicInteger(match.times());
        this.seeded = match.seed() == null ? null : new SplittableRandom(match.seed());
    }

    public String id() {
        return id;
    }

    public FaultEffect effect() {
        return effect;
    }

    /**
     * Whether the rule applies to a request of this operation (null: none of the spec's) presenting this
     * credential (null: none); counts it against {@code times} when it does.
     */
    boolean appliesTo(String operationId, String presentedCredential) {
        if (match.operation() != null && !match.operation().equals(operationId)) {
            return false;
        }
        if (match.credential() != null && !match.credential().equals(presentedCredential)) {
            return false;
        }
        if (remaining != null && remaining.get() <= 0) {
            return false;
        }
        if (match.fraction() != null && draw() >= match.fraction()) {
            return false;
        }
        if (remaining != null && remaining.getAndUpdate(left -> Math.max(0, left - 1)) <= 0) {
            return false;
        }
        applied.increment();
        return true;
    }

    /** How long this request is held, for a delay rule. */
    public long delayMillis() {
        Delay delay = (Delay) effect;
        if (seeded == null) {
            return delay.millis(ThreadLocalRandom.current());
        }
        synchronized (seeded) {
            return delay.millis(seeded);
        }
    }

    private double draw() {
        if (seeded == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        synchronized (seeded) {
            return seeded.nextDouble();
        }
    }

    /** The rule as the admin API shows it ({@code FaultRule} in {@code admin.yaml}). */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        putIfSet(view, "operation", match.operation());
        putIfSet(view, "credential", match.credential());
        putIfSet(view, "times", match.times());
        putIfSet(view, "remaining", remaining == null ? null : remaining.get());
        putIfSet(view, "fraction", match.fraction());
        putIfSet(view, "seed", match.seed());
        if (effect instanceof FaultEffect.FixedDelay fixed) {
            view.put("delay", Map.of("fixedMs", fixed.fixedMs()));
        } else if (effect instanceof FaultEffect.LognormalDelay lognormal) {
            view.put("delay", Map.of("lognormal", Map.of("medianMs", lognormal.medianMs(), "sigma", lognormal.sigma())));
        } else if (effect instanceof FaultEffect.Status status) {
            view.put("status", status.status());
            view.put("headers", new java.util.TreeMap<>(status.headers()));
            putIfSet(view, "message", status.message());
        } else if (effect instanceof FaultEffect.Failure failure) {
            view.put("fault", failure.kind().name());
        }
        view.put("applied", applied.sum());
        return view;
    }

    private static void putIfSet(Map<String, Object> view, String field, Object value) {
        if (value != null) {
            view.put(field, value);
        }
    }
}
