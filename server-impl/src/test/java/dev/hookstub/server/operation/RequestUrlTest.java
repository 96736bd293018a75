package dev.hookstub.server.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.SameAsRegex;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL Jersey and the fast path write back (Location, Mollie's self link) is built from the client's own Host header. */
class RequestUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "Stub.Example:9999", "127.0.0.1:80", "[::1]", "[::1]:8080"})
    void hostHeadersAUrlIsBuiltFrom(String host) {
        assertTrue(RequestUrl.usableHost(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "evil.example/x", "user@host", "host:port", "host:123456", "[::1", "h\"st"})
    void hostHeadersThatAreNotEchoedBack(String host) {
        assertFalse(RequestUrl.usableHost(host), host);
    }

    /**
     * The hand-written test takes exactly what RFC 9110's host and port do as this regular expression reads them (the
     * form the stub used before), on the limits and on random mixes of the characters that matter.
     */
    @Test
    void aUsableHostIsANameOrBracketedAddressWithAnOptionalPort() {
        Pattern host = Pattern.compile("(?:[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");
        assertTrue(RequestUrl.usableHost("a".repeat(253) + ":65535"));
        assertFalse(RequestUrl.usableHost("a".repeat(254)));
        assertTrue(RequestUrl.usableHost("[" + "0".repeat(45) + "]"));
        assertFalse(RequestUrl.usableHost("[" + "0".repeat(46) + "]"));
        assertFalse(RequestUrl.usableHost("[:]"));
        assertFalse(RequestUrl.usableHost(null));
        SameAsRegex.assertSame(host, RequestUrl::usableHost, "a0.-:[]fFgZ9 /@\u00e9_", new String[] {"", "", "["}, 250,
                50_000);
    }

    @Test
    void theUrlIsTheRequestAsSent() {
        assertEquals("http://stub:80/mollie/v2/webhooks/a?testmode=true",
                RequestUrl.of("http", "stub:80", "/mollie/v2/webhooks/a", "testmode=true"));
        assertEquals("http://stub/webhooks", RequestUrl.of("http", "stub", "/webhooks", null));
    }

    @Test
    void aChildIsOneSegmentBelow() {
        assertEquals("http://stub/webhooks/wbh_1", RequestUrl.child("http://stub/webhooks", "wbh_1"));
        assertEquals("http://stub/webhooks/wbh_1", RequestUrl.child("http://stub/webhooks/", "wbh_1"));
    }

    @Test
    void anIpv6LiteralsColonsAreNotAPort() {
        assertTrue(RequestUrl.hostWithoutPort("[::1]"));
        assertFalse(RequestUrl.hostWithoutPort("[::1]:8080"));
        assertTrue(RequestUrl.hostWithoutPort("stub"));
        assertFalse(RequestUrl.hostWithoutPort("stub:80"));
    }
}
