package dev.hookstub.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpUpstreamClientTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "10.0.12.255, true", "[::1], true", "::1, true", "localhost, false",
            "api.sandbox.partoo.co, false", "1.2.3, false", "1.2.3.4.example.com, false"})
    void anAddressAsWrittenNeedsNoLookupAndANameDoes(String host, boolean literal) {
        assertEquals(literal, HttpUpstreamClient.needsNoLookup(host));
    }
}
