package dev.hookstub.server.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.openapi.PathTemplate;
import dev.hookstub.server.SameAsRegex;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path takes only what Jersey and the fast path read alike; anything else must be left to Jersey. */
class PlainRequestTest {

    private final PathTemplate template = PathTemplate.compile("/v2/webhooks/{webhookId}");

    @Test
    void aPlainPathGivesItsParameters() {
        assertEquals(Map.of("webhookId", "hook_B2Ey-1"), PlainRequest.pathParameters(template, "/v2/webhooks/hook_B2Ey-1"));
        assertEquals(Map.of(), PlainRequest.pathParameters(PathTemplate.compile("/webhooks"), "/webhooks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/webhooks/", "/v2/webhooks/a/", "/v2/webhooks//a", "/v2//webhooks/a", "/v2/webhooks/a%20b",
            "/v2/webhooks/a.b", "/v2/Webhooks/a", "/v2/webhooks", "v2/webhooks/a", "/v2/webhooks/a/b", ""})
    void anythingElseIsNotMatched(String path) {
        assertNull(PlainRequest.pathParameters(template, path), path);
    }

    @Test
    void aPlainQueryGivesOneValuePerName() {
        assertEquals(Map.of(), PlainRequest.query(null));
        assertEquals(Map.of(), PlainRequest.query(""));
        assertEquals(Map.of("testmode", "true", "x", "1"), PlainRequest.query("testmode=true&x=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1&a=2", "a=", "=1", "a", "a=%41", "a=1&", "a=b+c", "a b=1"})
    void anyOtherQueryIsNotTaken(String query) {
        assertNull(PlainRequest.query(query), query);
    }

    /** The hand-written test takes exactly what {@code [A-Za-z0-9_-]{1,256}} does, on the edges and at random. */
    @Test
    void aPlainValueIsOneTo256OfTheCharacterClass() {
        Pattern plain = Pattern.compile("[A-Za-z0-9_-]{1,256}");
        assertTrue(PlainRequest.plain("a".repeat(256)));
        assertFalse(PlainRequest.plain("a".repeat(257)));
        assertFalse(PlainRequest.plain(""));
        SameAsRegex.assertSame(plain, PlainRequest::plain, "azAZ09_-azAZ09_-azAZ09_-./%+~ \u00e9\u0130\uff21:@[]{}`^",
                new String[] {""}, 256, 20_000);
    }
}
