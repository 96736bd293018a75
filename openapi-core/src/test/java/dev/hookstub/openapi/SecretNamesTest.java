package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretNamesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "X-Auth-Token, true",
        "access_token, true",
        "signingSecret, true",
        "SECRET, true",
        "PASSWORD, true",
        "Proxy-Authorization, true",
        "X-Api-Key, true",
        "apikey, true",
        "API_KEY, true",
        "client_credentials, true",
        "Private-Token, true",
        "tok, false",
        "Host, false",
        "Accept-Encoding, false",
        "Content-Type, false",
        "api.key, false",
        "apis, false",
        "author, false",
        "secre, false",
        "passwd, false",
        "id, false",
        "'', false",
        // Only ASCII letters fold: a Kelvin sign is no 'k', a dotless 'ı' no 'i'.
        "api-\u212Aey, false",
        "apı_key, false"})
    void aNameSaysItHoldsASecretWhenItHoldsOneOfTheWords(String name, boolean secret) {
        assertEquals(secret, SecretNames.looksSecret(name));
        // The scan and the pattern over text are one rule written twice, the scan for speed; they agree on each
        // name (the pattern, without UNICODE_CASE, folds ASCII only, as the scan does).
        assertEquals(secret, SecretNames.pattern().matcher(name).find(), name);
    }
}
