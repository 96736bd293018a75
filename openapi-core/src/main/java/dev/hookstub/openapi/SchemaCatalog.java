package dev.hookstub.openapi;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of one document, compiled once per location and shared by everything that validates against it.
 *
 * <p>The validator reads the document once, as one schema resource, and each location is a sub-schema of it: every
 * {@code $ref} between them is resolved inside that one resource. (Asking the library for each location by its IRI
 * would parse the whole document again per location; on GitHub's 13 MB document that ran out of memory.)
 */
public final class SchemaCatalog {

    /** The specs' vendor extensions ({@code x-...}) are not errors; the validator would warn about each. */
    private static final java.util.logging.Logger UNKNOWN_KEYWORDS =
            java.util.logging.Logger.getLogger("com.networknt.schema.keyword.UnknownKeywordFactory");

    static {
        UNKNOWN_KEYWORDS.setLevel(java.util.logging.Level.SEVERE);
    }

    /** OpenAPI 3.1 (like 2020-12) makes "format" an annotation; a server's "yesterday" for a date-time must fail. */
    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            // A pattern is ECMA-262: read as JavaScript reads it, matched within bounds, and one no engine here can
            // read does not fail its schema.
            .regularExpressionFactory(BoundedMatch::of)
            .build();

    /**
     * Initialises the JSON Schema library's dialects, which the first catalog to compile a schema would otherwise do
     * on its caller's thread: a server with a spare thread can do it before its first request that needs a schema.
     */
    public static void prepare() {
        OurDialects.OPENAPI_31.getId();
    }

    /** The library's dialects, each with RFC 5321's {@code email} by its grammar ({@link MailboxFormat}). */
    private static final class OurDialects {

        static final Dialect OPENAPI_30 = ours(Dialects.getOpenApi30());
        static final Dialect OPENAPI_31 = ours(Dialects.getOpenApi31());
        static final Dialect DRAFT_2020_12 = ours(Dialects.getDraft202012());
        static final Dialect DRAFT_2019_09 = ours(Dialects.getDraft201909());
        static final Dialect DRAFT_7 = ours(Dialects.getDraft7());
        static final Dialect DRAFT_6 = ours(Dialects.getDraft6());
        static final Dialect DRAFT_4 = ours(Dialects.getDraft4());

        private static Dialect ours(Dialect theLibrarys) {
            return Dialect.builder(theLibrarys).format(MailboxFormat.EMAIL).format(MailboxFormat.IDN_EMAIL).build();
        }
    }

    private final OpenApiSpec spec;
    private final String documentIri;
    private final JsonNode validatorDocument;
    /** The document's own dialect first; a schema may name another with {@code $schema} (3.1 allows it). */
    private final List<Dialect> dialects;
    private volatile Schema document;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    SchemaCatalog(OpenApiSpec spec, String documentIri, JsonNode validatorDocument) {
        this.spec = spec;
        this.documentIri = documentIri;
        this.validatorDocument = validatorDocument;
        this.dialects = dialects(spec);
    }

    /**
     * The dialects a document's schemas may use, its default first: OpenAPI 3.0's; or for 3.1 the one its
     * {@code jsonSchemaDialect} names (a document may write its schemas in draft 4, say), else OpenAPI 3.1's.
     */
    private static List<Dialect> dialects(OpenApiSpec spec) {
        if (spec.openApi30()) {
            return List.of(OurDialects.OPENAPI_30, OurDialects.DRAFT_4);
        }
        List<Dialect> all = new java.util.ArrayList<>(List.of(OurDialects.OPENAPI_31, OurDialects.DRAFT_2020_12,
                OurDialects.DRAFT_2019_09, OurDialects.DRAFT_7, OurDialects.DRAFT_6, OurDialects.DRAFT_4));
        String declared = dialectKey(spec.node("/jsonSchemaDialect").asText(""));
        all.stream().filter(dialect -> dialectKey(dialect.getId()).equals(declared)).findFirst()
                .ifPresent(chosen -> {
                    all.remove(chosen);
                    all.add(0, chosen);
                });
        return List.copyOf(all);
    }

    /** The compiled schema at {@code pointer}. */
    public Schema at(String pointer) {
        Schema known = compiled.get(pointer);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            return compiled.computeIfAbsent(pointer, this::compile);
        }
    }

    /** Why {@code value} breaks the schema at {@code pointer}, as a message of the validator each; empty when it conforms. */
    public List<String> errors(String pointer, JsonNode value) {
        return validate(pointer, value, Direction.NONE).stream().map(Error::getMessage).toList();
    }

    public boolean conforms(String pointer, JsonNode value) {
        return validate(pointer, value, Direction.NONE).isEmpty();
    }

    /**
     * The validator's errors for {@code value}, leaving out what OpenAPI excuses in {@code direction}: a
     * {@code readOnly} property is required of responses only, a {@code writeOnly} one of requests only.
     */
    public List<Error> validate(String pointer, JsonNode value, Direction direction) {
        return validate(pointer, jsonText(value), direction);
    }

    /**
     * The value as JSON text. A parameter's value is mostly one string or number, and Jackson's {@code toString}
     * sets up a whole writer for it (a tenth of what the proxy spent judging a GET): those are written here.
     */
    static String jsonText(JsonNode value) {
        if (value.isTextual()) {
            StringBuilder text = new StringBuilder(value.textValue().length() + 2).append('"');
            JsonStringEncoder.getInstance().quoteAsString(value.textValue(), text);
            return text.append('"').toString();
        }
        if (value.isIntegralNumber() || value.isBoolean() || value.isNull()) {
            return value.asText();
        }
        return value.toString();
    }

    /** As {@link #validate(String, JsonNode, Direction)}, for JSON text (the validator reads text: it has its own Jackson). */
    public List<Error> validate(String pointer, String json, Direction direction) {
        Schema schema = at(pointer);
        List<Error> errors;
        try {
            errors = schema.validate(json, InputFormat.JSON);
        } catch (StackOverflowError deep) {
            // A document within the depth we read, under a schema whose $ref and oneOf recurse many frames a level:
            // once more on a deep stack (what the caller had left is not what it may need).
            errors = onADeepStack(schema, json);
        }
        if (direction == Direction.NONE || errors.isEmpty()) {
            return errors;
        }
        return errors.stream().filter(error -> !excused(error, direction)).toList();
    }

    private static List<Error> onADeepStack(Schema schema, String json) {
        try {
            return DeepStack.call(() -> schema.validate(json, InputFormat.JSON));
        } catch (RuntimeException | java.lang.Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean conforms(String pointer, JsonNode value, Direction direction) {
        return validate(pointer, value, direction).isEmpty();
    }

    private boolean excused(Error error, Direction direction) {
        if (!"required".equals(error.getKeyword()) || error.getProperty() == null) {
            return false;
        }
        String requiredAt = error.getSchemaLocation().getFragment() == null ? ""
                : error.getSchemaLocation().getFragment().toString();
        if (!requiredAt.endsWith("/required")) {
            return false;
        }
        String object = requiredAt.substring(0, requiredAt.length() - "/required".length());
        String property = spec.resolve(JsonPointers.append(object + "/properties", error.getProperty()));
        return spec.node(property).path(direction.excusedKeyword()).asBoolean(false);
    }

    private Schema compile(String pointer) {
        Schema root = document();
        try {
            Schema schema = pointer.isEmpty() ? root : root.getSubSchema(SchemaLocation.Fragment.of(pointer));
            schema.initializeValidators();
            return schema;
        } catch (com.networknt.schema.SchemaException e) {
            throw new InvalidSchemaException("the document's schema at #" + pointer + " is not valid in its dialect ("
                    + dialects.get(0).getId() + "): " + (e.getMessage() == null ? "unreadable" : e.getMessage()), e);
        }
    }

    private Schema document() {
        Schema made = document;
        if (made == null) {
            Map<String, Dialect> known = new java.util.HashMap<>();
            dialects.forEach(dialect -> known.put(dialectKey(dialect.getId()), dialect));
            // A schema naming a dialect the validator does not know (draft-05 was never published, yet documents
            // name it) is read in the document's own dialect rather than failing the operation.
            SchemaRegistry registry = SchemaRegistry.builder()
                    .defaultDialectId(dialects.get(0).getId())
                    .dialectRegistry((id, ignored) -> known.getOrDefault(dialectKey(id), dialects.get(0)))
                    .schemaRegistryConfig(CONFIG)
                    .schemas(iri -> iri.equals(documentIri) ? validatorDocument.toString() : null)
                    .build();
            made = registry.loadSchema(SchemaLocation.of(documentIri), false);
            document = made;
        }
        return made;
    }

    /** A dialect's id as documents write it, with or without the trailing '#', over http or https. */
    private static String dialectKey(String id) {
        return id == null ? "" : id.replaceFirst("^https?://", "").replaceAll("#$", "");
    }

    /** Which side of an exchange a value is, for OpenAPI's {@code readOnly} and {@code writeOnly}. */
    public enum Direction {
        NONE(""),
        /** Sent by a client: a required {@code readOnly} property may be left out. */
        REQUEST("readOnly"),
        /** Sent by a server: a required {@code writeOnly} property may be left out. */
        RESPONSE("writeOnly");

        private final String excusedKeyword;

        Direction(String excusedKeyword) {
            this.excusedKeyword = excusedKeyword;
        }

        String excusedKeyword() {
            return excusedKeyword;
        }
    }
}
