package dev.hookstub.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.robustness.RawHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query as browsers send it ({@code filter[status]=open}, {@code a|b}: characters RFC 3986 does not allow raw in a
 * query, which browsers and many clients leave so) is served as the providers serve it. The stub refused it with a
 * 400 the real APIs do not give; a query that is broken in other ways still is.
 */
class BrowserQueryTest {

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @ParameterizedTest
    @ValueSource(strings = {"testmode=true&filter[status]=open", "testmode=true&x=a|b", "testmode=true&q={x}^`y`",
            "testmode=true&c=a\\b"})
    void aReadWithAQueryAsBrowsersSendItIsAnswered(String query) throws Exception {
        Response answer = get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?" + query);
        assertEquals(200, answer.status(), answer.text(500));
        assertTrue(answer.bodyText().contains("hook_B2EyhTH5N4KWUnoYPcgiH"), answer.text(500));
    }

    @Test
    void theQueryIsReadDecodedAndJournaledAsSent() throws Exception {
        stub.hookstub().admin().clearRequests(Preset.MOLLIE);
        // testmode is read from a query that holds raw brackets: the record is found only when it is.
        Response answer = get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?deep[a]=1&testmode=true");
        assertEquals(200, answer.status(), answer.text(500));
        JsonNode entries = stub.hookstub().admin().requests(Preset.MOLLIE, Map.of());
        String journaled = entries.toString();
        assertTrue(journaled.contains("deep[a]=1&testmode=true"), journaled);
    }

    @Test
    void aQueryBrokenInAnotherWayIsStillRefusedInTheApisFormat() throws Exception {
        Response answer = get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true&a=%zz[1]");
        assertEquals(400, answer.status(), answer.text(500));
        assertTrue(answer.bodyText().contains("malformed percent-encoding"), answer.text(500));
    }

    private static Response get(String target) throws Exception {
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + stub.hookstub().credential(Preset.MOLLIE) + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(stub.hookstub().port(), request, false, 5000);
    }
}
