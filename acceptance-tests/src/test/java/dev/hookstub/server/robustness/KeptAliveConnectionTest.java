package dev.hookstub.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.robustness.RawHttp.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A kept-alive connection carries as many requests as its client sends. Grizzly's default closed it after the
 * 256th answer ({@code Connection: close}), so every client (a test's pool, a load generator, the proxy in front of
 * a stub) opened a new connection every 256 requests.
 */
class KeptAliveConnectionTest {

    private static final int REQUESTS = 1000;

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @Test
    void aThousandRequestsOnOneConnectionAreEachAnsweredWithoutClosingIt() throws Exception {
        byte[] get = ("GET /partoo/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nx-APIKey: partoo_test_key\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (RawHttp http = RawHttp.connect(stub.hookstub().port(), 5000)) {
            for (int i = 1; i <= REQUESTS; i++) {
                http.send(get);
                Response answer = http.read(false);
                int request = i;
                assertEquals(200, answer.status(), () -> "request " + request + ": " + answer);
                assertNull(answer.header("Connection"), () -> "request " + request + ": " + answer);
            }
            http.setTimeout(200);
            assertFalse(http.closedByPeer(), "the connection was closed after " + REQUESTS + " requests");
        }
    }
}
