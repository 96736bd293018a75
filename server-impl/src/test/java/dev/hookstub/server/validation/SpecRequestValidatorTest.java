package dev.hookstub.server.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.spec.SpecFile;
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
    void anOperationTheSpecDoesNotHaveHasNoBody() {
        assertFalse(validator.hasBody("put", "/webhooks"));
    }
}
