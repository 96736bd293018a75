package dev.hookstub.server.fault;

import dev.hookstub.server.fault.FaultEffect.Delay;
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

    public Match match() {
        return match;
    }

    /** How many of {@code times} are left; null for a rule without {@code times}. */
    public Integer remaining() {
        return remaining == null ? null : remaining.get();
    }

    /** How many requests the rule has applied to. */
    public long applied() {
        return applied.sum();
    }
}
