package dev.hookstub.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.robustness.RawHttp.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The URL and header bounds docs/stub.md gives hold on every path the stub serves, not only the APIs' routes: the
 * health check, a spec document and a path no route takes answered a 17 KB header with a 200 or 404.
 */
class LimitsOnEveryPathTest {

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @ParameterizedTest
    @CsvSource({"/health, message", "/mollie/openapi.json, message", "/nothing, message",
            "/partoo/v2/webhooks/1, errors", "/__admin/partoo/webhooks, message"})
    void headersOver16KiBAreA431InThePathsFormat(String path, String member) throws Exception {
        Response answer = get(path, "X-Big: " + "b".repeat(17_000) + "\r\n");
        assertEquals(431, answer.status(), answer.text(300));
        assertTrue(answer.bodyText().contains("\"" + member + "\""), answer.text(300));
        assertTrue(answer.bodyText().contains("larger than 16384 bytes"), answer.text(300));
    }

    @ParameterizedTest
    @CsvSource({"/health", "/mollie/openapi.json", "/nothing", "/partoo/v2/webhooks/1"})
    void aUrlOver8KiBIsA414(String path) throws Exception {
        Response answer = get(path + "?q=" + "u".repeat(8_200), "");
        assertEquals(414, answer.status(), answer.text(300));
        assertTrue(answer.bodyText().contains("longer than 8192 bytes"), answer.text(300));
    }

    private static Response get(String target, String extraHeaders) throws Exception {
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-APIKey: partoo_test_key\r\n"
                + extraHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return RawHttp.exchange(stub.hookstub().port(), request, false, 5000);
    }
}
