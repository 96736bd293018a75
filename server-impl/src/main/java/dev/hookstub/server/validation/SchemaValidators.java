package dev.hookstub.server.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.hookstub.server.spec.SpecDocument;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles JSON Schemas out of one spec with the OpenAPI 3.1 dialect (2020-12 plus OpenAPI's vocabulary),
 * formats asserted, addressed by their location in the document so that its internal {@code $ref}s resolve.
 */
public final class SchemaValidators {

    /**
     * The specs carry vendor extensions ({@code x-speakeasy-name-override}, {@code x-enumDescriptions}) that the
     * validator warns about at every start; OpenAPI allows them and they assert nothing. Held in a field so that the
     * logger, and its level, are not garbage-collected.
     */
    private static final java.util.logging.Logger UNKNOWN_KEYWORDS =
            java.util.logging.Logger.getLogger("com.networknt.schema.keyword.UnknownKeywordFactory");

    static {
        UNKNOWN_KEYWORDS.setLevel(java.util.logging.Level.SEVERE);
    }

    private final String iri;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    public SchemaValidators(SpecDocument spec) {
        this.iri = "https://hookstub.dev/specs/" + spec.file().replaceAll("\\.ya?ml$", ".json");
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemaRegistryConfig(config)
                .schemas(Map.of(iri, spec.json())));
    }

    /** The schema at a JSON pointer of the document, compiled once. */
    public Schema at(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> {
            Schema schema = registry.getSchema(SchemaLocation.of(iri + "#" + p));
            schema.initializeValidators();
            return schema;
        });
    }
}
