package dev.hookstub.server.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.spec.SpecFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jersey's resource is generated from the spec and hands every operation to its definition by operationId, so the
 * compiler no longer says when the spec gains one: a start with an operation left undefined must fail naming it.
 */
class ApiOperationsTest {

    private static final OpenApiSpec SPEC = SpecFile.load("mijnklantportaal.yaml").spec();
    private static final Operation<String> OK = (caller, request) -> Answer.of(200, "application/json", new byte[0]);

    private static ApiOperations<String> operations() {
        return new ApiOperations<>(SPEC, new Authentication<>("Authorization", String.class, Authentication.BEARER,
                List.of("key"), key -> key, key -> key, caller -> caller, "no"));
    }

    @Test
    void anOperationOfTheSpecLeftUndefinedFailsTheStartNamingIt() {
        ApiOperations<String> operations = operations().define("get-webhook", OK);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> operations.requireEveryOperation("mijnklantportaal"));
        assertEquals("mijnklantportaal: the spec's operations [create-webhook] are not defined; define each in the "
                + "API's package (dev.hookstub.server.mijnklantportaal), beside its others", failure.getMessage());
    }

    @Test
    void everyOperationDefinedPasses() {
        ApiOperations<String> operations = operations().define("get-webhook", OK).define("create-webhook", OK);
        assertSame(operations, operations.requireEveryOperation("mijnklantportaal"));
    }
}
