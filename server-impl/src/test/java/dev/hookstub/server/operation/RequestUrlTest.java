package dev.hookstub.server.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
