package dev.hookstub.server.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build's JSON copy of each YAML spec is there and is the same tree as the YAML, which is still what is served. */
class SpecJsonCopiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"mijnklantportaal.yaml", "equalsmoney.yaml", "partoo.yaml", "admin.yaml"})
    void theCopyIsThereAndIsTheSameTreeAsTheYaml(String file) throws Exception {
        JsonNode yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/" + file)) {
            yaml = new YAMLMapper().readTree(in);
        }
        JsonNode copy;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JsonCopies.resource(file))) {
            assertNotNull(in, "the build wrote " + JsonCopies.resource(file));
            copy = new ObjectMapper().readTree(in);
        }
        assertEquals(yaml, copy, file);
        assertEquals(yaml, SpecFile.load(file).spec().document(), file);
        // The stub still serves the document as written.
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/" + file)) {
            assertEquals(new String(in.readAllBytes()), new String(SpecFile.load(file).bytes().get()));
        }
    }
}
