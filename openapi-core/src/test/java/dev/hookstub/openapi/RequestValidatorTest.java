package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests as they travel, against the shipped specs: what {@code hookstub proxy} holds a client's requests to. */
class RequestValidatorTest {

    private final OpenApiSpec mollie = ShippedSpec.MOLLIE.spec();
    private final RequestValidator mollieRequests = new RequestValidator(mollie);
    private final OpenApiSpec mkp = ShippedSpec.MIJNKLANTPORTAAL.spec();
    private final RequestValidator mkpRequests = new RequestValidator(mkp);

    private static List<String> found(List<Violation> violations) {
        return violations.stream().map(v -> v.check() + " " + v.pointer()).toList();
    }

    private static RequestValidator.WireRequest get(String path, String query) {
        return new RequestValidator.WireRequest(path, query, Map.of(), null);
    }

    @Test
    void aRequestThatKeepsToTheSpecHasNoViolation() {
        assertEquals(List.of(), mollieRequests.validate(mollie.operation("get-webhook"),
                get("/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH", "testmode=true")));
        assertEquals(List.of(), mkpRequests.validate(mkp.operation("create-webhook"), new RequestValidator.WireRequest(
                "/webhooks", null, Map.of("Content-Type", List.of("application/json")),
                "{\"url\":\"https://example.com/h\",\"type\":\"customer-created\"}")));
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedByWhereItIs() {
        List<Violation> violations = mollieRequests.validate(mollie.operation("get-webhook"),
                get("/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH", "testmode=maybe"));
        assertEquals(List.of(RequestValidator.PARAMETERS + " /query/testmode"), found(violations));
        assertTrue(violations.get(0).reason().startsWith("query parameter testmode 'maybe'"), violations.toString());
    }

    @Test
    void aBodyMemberOfTheWrongTypeIsNamedByItsPointer() {
        List<Violation> violations = mkpRequests.validate(mkp.operation("create-webhook"),
                new RequestValidator.WireRequest("/webhooks", null,
                        Map.of("Content-Type", List.of("application/json")), "{\"url\":5,\"type\":\"customer-created\"}"));
        assertEquals(List.of(RequestValidator.BODY + " /url"), found(violations));
    }

    @Test
    void anUndocumentedRequestSaysWhatThePathTakes() {
        Violation method = mkpRequests.undocumented("DELETE", "/webhooks/wbh_abc12345def678");
        assertEquals(RequestValidator.OPERATION, method.check());
        assertEquals("DELETE is not documented for /webhooks/wbh_abc12345def678; the spec documents GET",
                method.reason());
        assertEquals("GET /nowhere is none of the spec's paths", mkpRequests.undocumented("GET", "/nowhere").reason());
    }
}
