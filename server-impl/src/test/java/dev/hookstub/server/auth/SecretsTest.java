package dev.hookstub.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void equalStringsMatchAndAnyDifferenceDoesNot() {
        assertTrue(Secrets.constantTimeEquals("mkp_test_key", "mkp_test_key"));
        assertFalse(Secrets.constantTimeEquals("mkp_test_key", "mkp_test_kez"));
        assertFalse(Secrets.constantTimeEquals("mkp_test_key", "mkp_test_key "));
        assertFalse(Secrets.constantTimeEquals("mkp_test_key", null));
    }

    @Test
    void lookupFindsTheMatchingEntryOrNothing() {
        List<String> keys = List.of("a", "b", "c");
        assertEquals("b", Secrets.lookup(keys, Function.identity(), "b"));
        assertNull(Secrets.lookup(keys, Function.identity(), "d"));
    }

    @Test
    void bearerTokensAreReadCaseInsensitivelyAndEmptyOnesRefused() {
        assertEquals("t", BearerToken.from("Bearer t"));
        assertEquals("t", BearerToken.from("bearer  t "));
        assertNull(BearerToken.from("Bearer "));
        assertNull(BearerToken.from("Basic dXNlcg=="));
        assertNull(BearerToken.from(null));
    }
}
