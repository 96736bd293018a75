package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code format: email} by RFC 5321's grammar, in a 3.0 and a 3.1 document (the cases of JSON Schema's own suite). */
class MailboxFormatTest {

    private static SchemaCatalog catalog(String version) {
        return OpenApiSpec.fromBytes("mail", ("""
                openapi: %s
                info: {title: mail, version: '1'}
                paths: {}
                components:
                  schemas:
                    Mail: {type: string, format: email}
                    IdnMail: {type: string, format: idn-email}
                """).formatted(version).getBytes(StandardCharsets.UTF_8)).schemas();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "a@example.test | true",
        "user@mail.internal | true",
        "user@x.zz | true",
        "a@localhost | true",
        "joe.bloggs@example.com | true",
        "te~st@example.com | true",
        "~test@example.com | true",
        "'\"joe bloggs\"@example.com' | true",
        "'\"joe..bloggs\"@example.com' | true",
        "joe.bloggs@[127.0.0.1] | true",
        "joe.bloggs@[IPv6:::1] | true",
        "2962 | false",
        ".test@example.com | false",
        "test.@example.com | false",
        "te..st@example.com | false",
        "joe.bloggs@invalid=domain.com | false",
        "joe.bloggs@[127.0.0.300] | false",
        "a@-example.com | false",
        "a@example..com | false",
        "@example.com | false",
        "a@ | false"})
    void anAddressIsAMailboxByItsGrammarNotByAListOfDomains(String address, boolean valid) {
        String json = SchemaCatalog.jsonText(com.fasterxml.jackson.databind.node.TextNode.valueOf(address));
        for (String version : new String[] {"3.0.3", "3.1.0"}) {
            assertEquals(valid, catalog(version).validate("/components/schemas/Mail", json,
                    SchemaCatalog.Direction.NONE).isEmpty(), version + " " + address);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {"실례@실례.테스트 | true", "josé@example.test | true", "a b@example.com | false"})
    void anInternationalAddressIsAnIdnEmail(String address, boolean valid) {
        String json = SchemaCatalog.jsonText(com.fasterxml.jackson.databind.node.TextNode.valueOf(address));
        assertEquals(valid, catalog("3.1.0").validate("/components/schemas/IdnMail", json,
                SchemaCatalog.Direction.NONE).isEmpty(), address);
    }
}
