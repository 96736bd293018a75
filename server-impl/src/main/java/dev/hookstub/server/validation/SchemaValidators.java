package dev.hookstub.server.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
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

    /**
     * One per spec document, so that its request rules and its admin records' schema share one parsed copy of it
     * and the sub-schemas they both use; weakly held, as each server start loads its documents anew.
     */
    private static final Map<SpecDocument, SchemaValidators> BY_SPEC =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The dialect and configuration every spec's schemas share, initialised when the first schema is compiled or by
     * {@link #prepare} (the dialect alone is some 40 ms of a start).
     */
    private static final class Library {

        /** Formats asserted, as the specs' formats are part of their contract; the same for every spec. */
        static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true).build();
        static final Dialect DIALECT = Dialects.getOpenApi31();

        private Library() {
        }
    }

    /** Initialises the dialect and configuration every spec's schemas share (see {@link SpecRequestValidator#prepare}). */
    static void prepare() {
        Library.DIALECT.getId();
    }

    private final String iri;
    /** The document's tree, not the document: a value of the weak map above must not hold its key. */
    private final com.fasterxml.jackson.databind.JsonNode root;
    /** Made with the first schema compiled: a spec none of whose schemas is needed costs nothing. */
    private SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    public SchemaValidators(SpecDocument spec) {
        this.iri = "https://hookstub.dev/specs/" + spec.file().replaceAll("\\.ya?ml$", ".json");
        this.root = spec.root();
    }

    /** The compiled schemas of one spec document, shared by everything that validates against it. */
    public static SchemaValidators of(SpecDocument spec) {
        return BY_SPEC.computeIfAbsent(spec, SchemaValidators::new);
    }

    /**
     * The schema at a JSON pointer of the document, compiled once. Compiling is one at a time: schemas are compiled
     * as requests first need them, and they share the registry and the sub-schemas they refer to.
     */
    public Schema at(String pointer) {
        Schema known = compiled.get(pointer);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (registry == null) {
                registry = SchemaRegistry.withDialect(Library.DIALECT, builder -> builder
                        .schemaRegistryConfig(Library.CONFIG)
                        .schemas(Map.of(iri, root.toString())));
            }
            return compiled.computeIfAbsent(pointer, p -> {
                Schema schema = registry.getSchema(SchemaLocation.of(iri + "#" + p));
                schema.initializeValidators();
                return schema;
            });
        }
    }
}
