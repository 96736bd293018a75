package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each malformed target gets its own reason; a well-formed one, encoded or not, none. */
class RequestTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/webhooks/wbh_1", "/v2/webhooks/a%20b", "/a/.b/..c/...", "/%C3%A9", "/a;b=c", "/a/"})
    void wellFormedPathsPass(String path) {
        assertNull(RequestTarget.problem(path, null), path);
        assertNull(RequestTarget.problem(path, "testmode=true&x=%41"), path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "webhooks | The request target must be an absolute path.",
            "/a b | The request URL contains a character that must be percent-encoded.",
            "/a%zz | The request URL contains a malformed percent-encoding.",
            "/a%4 | The request URL contains a malformed percent-encoding.",
            "/%C3 | The request URL does not decode to UTF-8 text.",
            "/a%0Ab | The request URL contains a control character.",
            "/a%2Fb | The request path contains an encoded slash.",
            "/a%5cb | The request path contains an encoded slash.",
            "/a/../b | The request path contains a dot segment.",
            "/a/. | The request path contains a dot segment.",
            "/a/%2E%2E/b | The request path contains a dot segment.",
            "/.. | The request path contains a dot segment."})
    void eachMalformedPathHasItsReason(String path, String reason) {
        assertEquals(reason, RequestTarget.problem(path, null), path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=%zz | The request URL contains a malformed percent-encoding.",
            "a=%00 | The request URL contains a control character.",
            "a=b c | The request URL contains a character that must be percent-encoded."})
    void eachMalformedQueryHasItsReason(String query, String reason) {
        assertEquals(reason, RequestTarget.problem("/a", query), query);
    }

    /**
     * What browsers send raw in a query: refused where it is not forwarded as it came (the front door percent-encodes
     * it before this check for the stub's own routes, FrontDoor.uriSafeQuery), taken where it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"color[R]=100&color[G]=200", "p=blue|black", "q={x}", "a=1^2", "b=`c`", "c=a\\b"})
    void aQueryAsBrowsersSendItIsTakenOnlyWhereTheRequestIsForwarded(String query) {
        assertEquals("The request URL contains a character that must be percent-encoded.",
                RequestTarget.problem("/a", query), query);
        assertNull(RequestTarget.problem("/a", query, true), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=<b>", "a=\"b\"", "a=b c", "a=%zz"})
    void whatBrowsersEncodeIsRefusedEvenWhereTheRequestIsForwarded(String query) {
        assertTrue(RequestTarget.problem("/a", query, true) != null, query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8080", "Stub.Example", "[::1]:80"})
    void hostsAUrlIsBuiltFromPass(String host) {
        assertTrue(RequestTarget.validHost(host));
        assertTrue(RequestTarget.validHost(null), "no Host at all is the transport's to judge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "evil/x", "user@host", "[::1"})
    void otherHostsAreRefused(String host) {
        assertFalse(RequestTarget.validHost(host));
    }
}
