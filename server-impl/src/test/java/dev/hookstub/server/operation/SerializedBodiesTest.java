package dev.hookstub.server.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.store.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bodies are serialised once per record instance, a body naming its URL gets the URL each time, quoted, and a read
 * ({@link ApiOperations#defineRead}) gets the URL it was asked at only where the body names one.
 */
class SerializedBodiesTest {

    private record Hook(String id, String url) implements StoredRecord {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aRecordIsSerialisedOnceAndAReplacedOneAnew() {
        SerializedBodies<Hook> bodies = SerializedBodies.of(hook -> Map.of("url", hook.url()), mapper);
        Hook first = new Hook("1", "https://a");
        assertSame(bodies.of(first), bodies.of(first));
        Hook replaced = new Hook("1", "https://b");
        assertEquals("{\"url\":\"https://b\"}", new String(bodies.of(replaced), StandardCharsets.UTF_8));
        assertNotSame(bodies.of(first), bodies.of(replaced));
    }

    @Test
    void theRequestUrlTakesThePlaceholdersPlaceAsJson() {
        SerializedBodies<Hook> bodies = SerializedBodies.withUrl(
                (hook, url) -> Map.of("id", hook.id(), "self", Map.of("href", url)), mapper);
        Hook hook = new Hook("h\"1", "https://a");
        String url = "http://stub/v2/webhooks/x?a=\"b\"";
        assertEquals(mapper.valueToTree(Map.of("id", "h\"1", "self", Map.of("href", url))).toString(),
                new String(bodies.of(hook, url), StandardCharsets.UTF_8));
    }

    @Test
    void aReadGetsTheUrlItWasAskedAtOnlyFromBodiesThatNameOne() {
        OperationRequest request = new OperationRequest("http", "stub:8080", "/v2/webhooks/1", "testmode=true") {
            @Override
            public String path(String name) {
                return null;
            }

            @Override
            public String query(String name) {
                return null;
            }

            @Override
            public <T> T body(Class<T> type) {
                return null;
            }
        };
        Hook hook = new Hook("1", "https://a");
        SerializedBodies<Hook> naming = SerializedBodies.withUrl((record, url) -> Map.of("self", url), mapper);
        SerializedBodies<Hook> plain = SerializedBodies.of(record -> Map.of("url", record.url()), mapper);
        assertEquals("{\"self\":\"http://stub:8080/v2/webhooks/1?testmode=true\"}",
                new String(naming.forRequest(hook, request), StandardCharsets.UTF_8));
        assertSame(plain.of(hook), plain.forRequest(hook, request));
    }
}
