package dev.hookstub.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the hookstub stub in-process on a free loopback port, once per test class, and resets it before each test
 * (records back to their fixtures, delivery log and receiver emptied). A test method or constructor takes a
 * {@link Hookstub} parameter: base URLs and default credentials of each API, admin helpers and a delivery receiver.
 *
 * <pre>{@code
 * @HookstubTest
 * class MyWebhookClientTest {
 *     @Test
 *     void readsTheWebhook(Hookstub hookstub) { ... hookstub.serverUrl(Preset.MOLLIE) ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HookstubExtension.class)
public @interface HookstubTest {

    /** Wait before a failed delivery's first retry, doubled per retry; short by default so retry tests run fast. */
    long deliveryRetryDelayMs() default 100;

    /** Retries of a failed delivery before it is marked failed. */
    int deliveryRetries() default 5;

    /**
     * APIs the stub forwards to an upstream instead of answering them, as {@code api=URL}, e.g.
     * {@code partoo=https://api.sandbox.partoo.co/v2}: the stub is then a validating proxy for them (docs/sandbox.md),
     * which journals each request with what it and its answer break of the spec. A system property
     * {@code hookstub.upstream.<api>} adds or replaces one, and {@code hookstub.credential.<api>} the credential
     * {@link Hookstub#credential} gives: so one test class runs against the stub or a sandbox by configuration.
     */
    String[] upstreams() default {};
}
