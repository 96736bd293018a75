package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A credential is there when some alternative of the operation's security has each of its schemes' credentials. */
class CredentialPresenceTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.fromBytes("secured", """
            openapi: 3.1.0
            info: {title: secured, version: '1'}
            paths:
              /key: {get: {operationId: key, security: [{key: []}], responses: {'200': {description: ok}}}}
              /query: {get: {operationId: query, security: [{queryKey: []}], responses: {'200': {description: ok}}}}
              /cookie: {get: {operationId: cookie, security: [{cookieKey: []}], responses: {'200': {description: ok}}}}
              /either: {get: {operationId: either, security: [{basic: []}, {oauth: []}], responses: {'200': {description: ok}}}}
              /both: {get: {operationId: both, security: [{key: [], bearer: []}], responses: {'200': {description: ok}}}}
              /open: {get: {operationId: open, security: [{}, {key: []}], responses: {'200': {description: ok}}}}
              /tls: {get: {operationId: tls, security: [{mtls: []}], responses: {'200': {description: ok}}}}
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Key}
                queryKey: {type: apiKey, in: query, name: api_key}
                cookieKey: {type: apiKey, in: cookie, name: session}
                basic: {type: http, scheme: basic}
                bearer: {type: http, scheme: bearer}
                oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t.example/', scopes: {}}}}
                mtls: {type: mutualTLS}
            """.getBytes(StandardCharsets.UTF_8));

    /** @param headers name=value pairs separated by '|', or empty */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
            "key; ; X-Key=k; true", "key; ; x-key=k; true", "key; ; ; false", "key; ; X-Key=; false",
            "query; api_key=k; ; true", "query; other=k; ; false", "query; api%5Fkey=k; ; true",
            "cookie; ; 'Cookie=a=1; session=s'; true", "cookie; ; Cookie=a=1; false",
            "either; ; Authorization=Basic dTpw; true", "either; ; Authorization=Bearer t; true",
            "either; ; Authorization=Digest x; false", "both; ; X-Key=k|Authorization=Bearer t; true",
            "both; ; X-Key=k; false", "open; ; ; true", "tls; ; ; true"})
    void isThereWhenAnAlternativeHasEachOfItsSchemes(String operation, String query, String headers, boolean there) {
        Map<String, List<String>> sent = new java.util.LinkedHashMap<>();
        if (headers != null) {
            for (String pair : headers.split("\\|")) {
                String[] nameValue = pair.split("=", 2);
                sent.put(nameValue[0], List.of(nameValue[1]));
            }
        }
        var missing = new CredentialPresence(SPEC).missing(SPEC.operation(operation),
                new RequestValidator.WireRequest("/" + operation, query, sent, null));
        assertEquals(there, missing.isEmpty(), missing.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"key; ApiKey header=\"X-Key\"", "query; ApiKey query=\"api_key\"",
            "either; Basic, Bearer", "both; ApiKey header=\"X-Key\", Bearer", "tls; Bearer"})
    void aRefusalChallengesWithEachSchemeItsSecurityOffers(String operation, String challenge) {
        assertEquals(challenge, new CredentialPresence(SPEC).challenge(SPEC.operation(operation)));
    }
}
