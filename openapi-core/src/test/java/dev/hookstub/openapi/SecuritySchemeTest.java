package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecuritySchemeTest {

    private static OpenApiSpec specWith(String scheme) throws Exception {
        JsonNode document = new YAMLMapper().readTree("""
                openapi: 3.1.0
                info: {title: t, version: '1'}
                security: [{s: []}]
                paths:
                  /x: {get: {operationId: x, responses: {'200': {description: ok}}}}
                components:
                  securitySchemes:
                    s: %s
                """.formatted(scheme));
        return OpenApiSpec.fromDocument("t", document);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{type: http, scheme: bearer}|header|Authorization|Bearer k",
        "{type: http, scheme: basic}|header|Authorization|Basic dTpw",
        "{type: apiKey, in: header, name: X-Key}|header|X-Key|k",
        "{type: apiKey, in: query, name: api_key}|query|api_key|k",
        "{type: apiKey, in: cookie, name: session}|cookie|Cookie|session=k",
        "{type: oauth2, flows: {}}|header|Authorization|Bearer k"})
    void theCredentialGoesWhereTheSchemeSays(String scheme, String in, String carrier, String value) throws Exception {
        SecurityScheme parsed = SecurityScheme.of(specWith(scheme));
        assertEquals(in, parsed.in());
        assertEquals(carrier, parsed.inQuery() ? parsed.name() : parsed.header());
        assertEquals(value, parsed.inQuery() ? "k" : parsed.headerValue(scheme.contains("basic") ? "u:p" : "k"));
    }

    @ParameterizedTest
    @CsvSource({"PARTOO, x-APIKey, partoo_test_key", "MOLLIE, Authorization, Bearer t"})
    void thePresetsSchemesAreRead(ShippedSpec api, String header, String value) {
        SecurityScheme scheme = SecurityScheme.of(api.spec());
        assertEquals(header, scheme.header());
        assertTrue(scheme.headerValue(api == ShippedSpec.MOLLIE ? "t" : "partoo_test_key").equals(value));
    }
}
