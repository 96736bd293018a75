package dev.hookstub.server.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.spec.SpecFile;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whether an operation has a body is decided once, here, from the spec: the fast path reads a body for exactly
 * the operations whose body the rules check, and asks parameter rules of the others.
 */
class SpecRequestValidatorTest {

    private final SpecRequestValidator validator =
            new SpecRequestValidator(SpecFile.load("mijnklantportaal.yaml").spec(), new MessageErrorFormat());

    @Test
    void theCreateHasABodyAndTheGetNone() {
        assertTrue(validator.hasBody("post", "/webhooks"));
        assertTrue(validator.hasBody("POST", "/webhooks"));
        assertFalse(validator.hasBody("get", "/webhooks/{webhookId}"));
    }

    @Test
    void aBodyOfTwoJsonValuesIsSaidToBeSoWithoutTheParsersInternals() {
        dev.hookstub.server.error.ApiProblem refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.hookstub.server.error.ApiProblem.class, () -> validator.validateBody("POST", "/webhooks",
                        "{\"url\":\"https://e.com/x\",\"type\":\"invoice-paid\"}{}".getBytes()));
        org.junit.jupiter.api.Assertions.assertEquals(
                "The request body is not valid JSON: more follows the JSON value: a body is one value.",
                refused.getMessage());
    }

    @Test
    void anOperationTheSpecDoesNotHaveHasNoBody() {
        assertFalse(validator.hasBody("put", "/webhooks"));
    }

    /**
     * A start's first answer is a read; judging it must not initialise the JSON Schema library (its dialects, 0.1 s of
     * a start's CPU, docs/adr/006). The read runs in classes of its own, so that what it loads can be told apart
     * from what other tests loaded.
     */
    @Test
    void aReadOfTypedParametersLoadsNothingOfTheJsonSchemaLibrary() throws Exception {
        try (SeparateClasses classes = new SeparateClasses()) {
            Runnable read = (Runnable) classes.loadClass(FirstRead.class.getName()).getConstructor().newInstance();
            read.run();
            assertNotNull(classes.loaded(SpecRequestValidator.class.getName()), "the read ran in the separate classes");
            assertNull(classes.loaded("com.networknt.schema.dialect.Dialects"));
        }
    }

    /** Judges the MijnKlantportaal read that a start's first request makes. */
    public static final class FirstRead implements Runnable {

        @Override
        public void run() {
            SpecRequestValidator validator =
                    new SpecRequestValidator(SpecFile.load("mijnklantportaal.yaml").spec(), new MessageErrorFormat());
            if (!validator.accepts("GET", "/webhooks/{webhookId}", Map.of("webhookId", "wbh_abc12345def678"),
                    Map.of())) {
                throw new AssertionError("the read was refused");
            }
        }
    }

    /** The test class path again, loaded apart from the test's own classes (the JDK's are shared). */
    private static final class SeparateClasses extends URLClassLoader {

        SeparateClasses() throws Exception {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        Class<?> loaded(String name) {
            return findLoadedClass(name);
        }

        private static URL[] classPath() throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(new File(entry).toURI().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}
