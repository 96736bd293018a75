package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SecretMembersTest {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aJsonMemberNamedLikeASecretIsHiddenAtAnyDepthAndTheRestKeptAsSent() {
        String sent = "{ \"url\": \"https://example.com/a\",\n  \"signingSecret\" : \"whsec_abc\\\"def\","
                + " \"auth\": {\"access_token\": \"tok-1\", \"user\": \"ann\"}, \"ids\": [{\"Password\":\"x\"}] }";
        assertEquals("{ \"url\": \"https://example.com/a\",\n  \"signingSecret\" : \"****\","
                + " \"auth\": {\"access_token\": \"****\", \"user\": \"ann\"}, \"ids\": [{\"Password\":\"****\"}] }",
                SecretMembers.mask(sent, JSON, "****"));
    }

    @Test
    void aValueThatHoldsASecretWordIsNoMemberNameAndStays() {
        String sent = "{\"type\": \"token-created\", \"note\": \"the secret\", \"url\": \"https://x/password\"}";
        assertSame(sent, SecretMembers.mask(sent, JSON, "****"));
    }

    @Test
    void aBodyCutShortIsMaskedAsFarAsItGoes() {
        assertEquals("{\"url\": \"https://e.com\", \"secret\": \"****\", \"type\": \"offer-cr",
                SecretMembers.mask("{\"url\": \"https://e.com\", \"secret\": \"s3cr3t\", \"type\": \"offer-cr",
                        JSON, "****"));
    }

    @Test
    void aBodyCutShortInsideASecretIsMaskedToItsEnd() {
        assertEquals("{\"url\": \"https://e.com\", \"api_key\": \"****\"",
                SecretMembers.mask("{\"url\": \"https://e.com\", \"api_key\": \"sk_live_01234", JSON, "****"));
    }

    @Test
    void aLongValueIsMaskedWithoutRecursingPerCharacter() {
        // A regular expression's repeated group overflowed a 512 KiB stack on a value of 8000 characters.
        String value = "x".repeat(8000) + "\\\"".repeat(2000);
        String[] masked = new String[1];
        Thread small = new Thread(null, () -> masked[0] = SecretMembers.mask("{\"token\": \"" + value + "\", \"a\": 1}",
                JSON, "****"), "small-stack", 256 * 1024);
        small.start();
        assertDoesNotThrow(() -> small.join());
        assertEquals("{\"token\": \"****\", \"a\": 1}", masked[0]);
    }

    @Test
    void aMemberWhoseSecretValueIsNoStringIsLeftAndItsMembersLookedInto() {
        assertEquals("{\"credentials\": {\"password\": \"****\", \"user\": \"ann\"}, \"token\": 42}",
                SecretMembers.mask("{\"credentials\": {\"password\": \"pw\", \"user\": \"ann\"}, \"token\": 42}",
                        JSON, "****"));
    }

    @Test
    void aFormFieldNamedLikeASecretIsHiddenEncodedNameIncluded() {
        assertEquals("grant_type=client_credentials&client_id=app&client_secret=***&refresh%5Ftoken=***&x",
                SecretMembers.mask("grant_type=client_credentials&client_id=app&client_secret=s%26cret"
                        + "&refresh%5Ftoken=r1&x", FORM + "; charset=UTF-8", "***"));
        // A stray '%' in a name is no reason to show its value.
        assertEquals("a%=1&token%=***", SecretMembers.mask("a%=1&token%=2", FORM, "***"));
    }

    @Test
    void noBodyStaysNone() {
        assertNull(SecretMembers.mask(null, JSON, "****"));
        assertEquals("", SecretMembers.mask("", null, "****"));
    }
}
