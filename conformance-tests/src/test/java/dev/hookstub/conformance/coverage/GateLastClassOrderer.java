package dev.hookstub.conformance.coverage;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Moves {@link RunsLast} classes behind all others and leaves the rest in the order JUnit found them (the sort is
 * stable). The coverage gate needs it: it reads what every other test provoked. Configured as
 * {@code junit.jupiter.testclass.order.default} in {@code junit-platform.properties}.
 */
public final class GateLastClassOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(descriptor -> descriptor.isAnnotated(RunsLast.class)));
    }
}
