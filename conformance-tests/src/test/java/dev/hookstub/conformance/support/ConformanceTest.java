package dev.hookstub.conformance.support;

import dev.hookstub.conformance.preset.Preset;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to the server under test; the stub is started for it unless pointed elsewhere, and the
 * class is skipped when the run is limited to other APIs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StubServerExtension.class)
public @interface ConformanceTest {

    /** The APIs the class checks; it is skipped when the run checks none of them. Empty: always runs. */
    Preset[] value() default {};
}
