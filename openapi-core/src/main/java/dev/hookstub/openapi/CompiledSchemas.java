package dev.hookstub.openapi;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * networknt schemas for spec locations, compiled once per JVM and shared by all validators.
 *
 * <p>Schemas are loaded by location ({@code classpath:openapi/<file>#<pointer>}), not from a
 * detached node, so that {@code $ref: '#/components/...'} inside them resolves against the spec
 * document they came from. Documents built in memory ({@link OpenApiSpec#fromDocument}) are registered under
 * their own IRI and loaded from there.
 */
final class CompiledSchemas {

    // OpenAPI 3.1 (like 2020-12) makes "format" an annotation; a stub that returns "yesterday"
    // for a date-time must fail, so assertions are switched on for the whole registry.
    private static final ConcurrentMap<String, String> IN_MEMORY_DOCUMENTS = new ConcurrentHashMap<>();

    private static final SchemaRegistry OPENAPI_31 = registry(Dialects.getOpenApi31());
    private static final SchemaRegistry OPENAPI_30 = registry(Dialects.getOpenApi30());

    private static final ConcurrentMap<Key, Schema> CACHE = new ConcurrentHashMap<>();

    private record Key(String documentIri, String pointer, boolean openApi30) {
    }

    private static SchemaRegistry registry(com.networknt.schema.dialect.Dialect dialect) {
        return SchemaRegistry.withDialect(dialect,
                builder -> builder.schemas(IN_MEMORY_DOCUMENTS::get).schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build()));
    }

    private CompiledSchemas() {
    }

    /** Makes a spec document that is not on the classpath loadable under {@code iri} (JSON text). */
    static void register(String iri, String json) {
        IN_MEMORY_DOCUMENTS.put(iri, json);
    }

    static Schema forPointer(OpenApiSpec spec, String pointer) {
        return CACHE.computeIfAbsent(new Key(spec.documentIri(), pointer, spec.openApi30()), CompiledSchemas::compile);
    }

    private static Schema compile(Key key) {
        Schema schema = (key.openApi30() ? OPENAPI_30 : OPENAPI_31).getSchema(SchemaLocation.of(key.documentIri() + "#" + key.pointer()));
        // networknt resolves $refs lazily; doing it here, under the cache's lock, means no two
        // threads ever race to initialise the same schema during validation.
        schema.initializeValidators();
        return schema;
    }
}
