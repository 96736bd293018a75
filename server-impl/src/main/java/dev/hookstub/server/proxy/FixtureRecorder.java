package dev.hookstub.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.openapi.MediaTypes;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.SecretNames;
import dev.hookstub.openapi.SecurityScheme;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.journal.SpecViolation;
import dev.hookstub.server.record.RecordShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code --record DIR}: what the upstream answered, written as fixtures in the stub's own format, {@code <api>.json}
 * (an array of records in the admin API's create format, what {@code serve --fixtures DIR} loads), so that a stub
 * started on them answers the same reads with the same bodies.
 * <ul>
 * <li>A 2xx answer whose schema is the API's record schema (a read of one record, MijnKlantportaal's create) is a
 * record. The same record (by its id, as the API keys ids) seen again replaces the one written, in place. A folder
 * that holds fixtures already is added to, not started afresh.</li>
 * <li>A delete answered 2xx (documented or not, at a record's path) removes it; so does a read answered 404 or 410,
 * but only the same read (credential and query) that last answered with the record: another tenant's 404, or
 * Mollie's for the other mode, says nothing of whether it still exists.</li>
 * <li>The stub's own fields that answers do not carry are added ({@link StubApi#recordedFields}: MijnKlantportaal's
 * tenant, from the key the record was read with). When two credentials come to the same fields (more sandbox keys
 * than the stub has), that is said in the log and the report.</li>
 * <li>A property the answer carries and the API's schema does not declare (where the schema allows more) is left
 * out, since the stub stores and serves only what the spec declares, and said in the log and the report.</li>
 * <li>Secrets (members named like a secret, token, password, authorization, API key or credential, at any depth:
 * signing secrets, {@code authorizationHeader}, a custom {@code Authorization} header) are written as
 * {@value #PLACEHOLDER} unless they are to be kept.</li>
 * <li>A record that breaks the spec is written as it was answered, and flagged: in the log and the report.</li>
 * </ul>
 * Each change rewrites the API's file whole (to a temporary file first, then moved over it).
 */
public final class FixtureRecorder {

    public static final String PLACEHOLDER = "hookstub-recorded-secret";

    private static final Logger LOG = Logger.getLogger(FixtureRecorder.class.getName());

    /**
     * One API's records as written, by key, in the order first seen; the read that last answered with each; and
     * the credentials seen, in order, with the fields each came to.
     */
    private static final class Written {
        final Map<String, ObjectNode> records = new LinkedHashMap<>();
        final Map<String, String> readBy = new HashMap<>();
        final Map<String, Map<String, String>> fieldsByCredential = new LinkedHashMap<>();
    }

    private final Path folder;
    private final boolean keepSecrets;
    private final ProxyReport report;
    private final ObjectMapper mapper;
    private final Map<String, Written> byApi = new HashMap<>();
    /** The fixtures the folder held already, by API id, until the API's first answer takes them in. */
    private final Map<String, ArrayNode> found = new HashMap<>();

    /** @param apis the ids of the APIs that may be recorded, whose files the folder may hold already */
    public FixtureRecorder(Path folder, boolean keepSecrets, ProxyReport report, ObjectMapper mapper,
                           java.util.Collection<String> apis) {
        this.folder = folder;
        this.keepSecrets = keepSecrets;
        this.report = report;
        this.mapper = mapper;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ConfigException("--record " + folder + ": cannot create the folder (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(folder)) {
            throw new ConfigException("--record " + folder + ": the folder cannot be written");
        }
        for (String api : apis) {
            Path file = file(api);
            if (Files.exists(file)) {
                found.put(api, existing(file));
            }
        }
    }

    /** A file the folder holds already: its records are kept, so it must be fixtures, else nothing starts. */
    private ArrayNode existing(Path file) {
        try {
            JsonNode read = mapper.readTree(file.toFile());
            if (read instanceof ArrayNode array && java.util.stream.StreamSupport.stream(array.spliterator(), false)
                    .allMatch(record -> record.isObject() && record.hasNonNull(RecordShape.ID))) {
                return array;
            }
        } catch (IOException notJson) {
            // said below
        }
        throw new ConfigException("--record " + folder + ": " + file.getFileName() + " is there already and is not "
                + "an array of records with ids; the recorder adds to fixtures it finds, and would overwrite this. "
                + "Move it away, or record into another folder.");
    }

    /** The API's records, with those its file held when the recorder started. */
    private Written written(StubApi api) {
        return byApi.computeIfAbsent(api.id(), id -> {
            Written written = new Written();
            ArrayNode earlier = found.remove(id);
            if (earlier != null) {
                earlier.forEach(record -> written.records.put(api.records().key(record.get(RecordShape.ID).asText()),
                        (ObjectNode) record));
            }
            return written;
        });
    }

    /**
     * Takes what the upstream answered a request of the API.
     *
     * @param operation         the spec's operation the request is, or null for one it does not document
     * @param path              below the API's mount
     * @param query             the request's query string, or null
     * @param requestHeaders    name, value, name, value... as the caller sent them
     * @param answerViolations  what the answer breaks of the spec
     */
    synchronized void answered(StubApi api, OpenApiSpec spec, Operation operation, String method, String path,
                               String query, List<String> requestHeaders, int status, String contentType, String body,
                               List<SpecViolation> answerViolations) {
        RecordShape records = api.records();
        boolean ok = status >= 200 && status < 300;
        if (method.equals("DELETE") && ok && (operation != null || isARecordsPath(spec, path))) {
            Written written = written(api);
            String key = records.key(lastSegment(path));
            if (written.records.remove(key) != null) {
                written.readBy.remove(key);
                write(api.id(), written);
            }
            return;
        }
        if (operation == null) {
            return;
        }
        String credential = credential(spec, operation, requestHeaders);
        String read = credential + "?" + (query == null ? "" : query);
        if (method.equals("GET") && (status == 404 || status == 410)) {
            Written written = written(api);
            String key = records.key(lastSegment(path));
            if (read.equals(written.readBy.get(key))) {
                written.records.remove(key);
                written.readBy.remove(key);
                write(api.id(), written);
            }
            return;
        }
        if (!ok || !answersWithTheRecord(spec, operation, status, contentType, records)) {
            return;
        }
        JsonNode answer;
        try {
            answer = mapper.readTree(body == null ? "" : body);
        } catch (IOException notJson) {
            return;
        }
        if (!(answer instanceof ObjectNode record) || !record.hasNonNull(RecordShape.ID)) {
            return;
        }
        Written written = written(api);
        String id = record.get(RecordShape.ID).asText();
        List<String> undeclared = records.undeclared(record);
        record.remove(undeclared);
        fields(api, written, credential).forEach(record::put);
        if (!keepSecrets) {
            hideSecrets(record);
        }
        String key = records.key(id);
        written.records.put(key, record);
        written.readBy.put(key, read);
        write(api.id(), written);
        if (!undeclared.isEmpty()) {
            String note = "Recorded " + api.id() + " record " + id + " without " + String.join(", ", undeclared)
                    + ", which the upstream answered and " + spec.name() + " does not declare (the spec allows "
                    + "more properties, but a stub stores and serves only the ones it declares).";
            LOG.warning(note);
            report.noted(api.id(), note);
        }
        if (!answerViolations.isEmpty()) {
            ViolationLog.record(api.id(), id, answerViolations);
            report.flagged(api.id(), id, answerViolations);
        }
    }

    /**
     * The stub's own fields for a record read with the credential; said once when a new credential comes to the
     * same fields as an earlier one, since the replayed records of the two then share them.
     */
    private Map<String, String> fields(StubApi api, Written written, String credential) {
        Map<String, String> known = written.fieldsByCredential.get(credential);
        if (known != null) {
            return known;
        }
        List<String> seen = new ArrayList<>(written.fieldsByCredential.keySet());
        seen.add(credential);
        Map<String, String> fields = api.recordedFields(credential, seen);
        if (!fields.isEmpty() && written.fieldsByCredential.containsValue(fields)) {
            String note = "Recorded " + api.id() + " records read with a " + ordinalWord(seen.size())
                    + " credential under " + fields + ", as an earlier credential's: the stub has fewer keys than "
                    + "the upstream's callers, and a stub started on the fixtures serves both credentials' records "
                    + "to the same key.";
            LOG.warning(note);
            report.noted(api.id(), note);
        }
        written.fieldsByCredential.put(credential, fields);
        return fields;
    }

    private static String ordinalWord(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    /** Whether a path is one the spec reads a record at (a delete the spec does not document still deletes). */
    private static boolean isARecordsPath(OpenApiSpec spec, String path) {
        return spec.operations().stream().anyMatch(op -> op.httpMethod().equals("GET")
                && spec.template(op).matches(path));
    }

    /** Whether the answer's declared schema is the API's record schema (the same node, after references). */
    private static boolean answersWithTheRecord(OpenApiSpec spec, Operation operation, int status, String contentType,
                                                RecordShape records) {
        Optional<String> key = spec.responseKeyFor(operation, status);
        if (key.isEmpty() || contentType == null) {
            return false;
        }
        return spec.contentTypes(operation, key.get()).stream()
                .filter(declared -> MediaTypes.matches(declared, contentType)).findFirst()
                .flatMap(declared -> spec.responseSchemaPointer(operation, key.get(), declared))
                .map(spec::resolve).filter(records.schema().pointer()::equals).isPresent();
    }

    /** The caller's credential as the operation's security scheme carries it in a header, without its prefix. */
    private static String credential(OpenApiSpec spec, Operation operation, List<String> headers) {
        Optional<SecurityScheme> scheme = SecurityScheme.forOperation(spec, operation);
        if (scheme.isEmpty() || !scheme.get().in().equals("header")) {
            return null;
        }
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(scheme.get().name())) {
                String value = headers.get(i + 1).strip();
                String prefix = scheme.get().prefix();
                return value.regionMatches(true, 0, prefix, 0, prefix.length())
                        ? value.substring(prefix.length()).strip() : value;
            }
        }
        return null;
    }

    private static void hideSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && !value.asText().isEmpty() && SecretNames.looksSecret(name)) {
                    object.put(name, PLACEHOLDER);
                } else {
                    hideSecrets(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(FixtureRecorder::hideSecrets);
        }
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return URLDecoder.decode(trimmed.substring(trimmed.lastIndexOf('/') + 1).replace("+", "%2B"),
                StandardCharsets.UTF_8);
    }

    private void write(String api, Written written) {
        Path file = folder.resolve(api + ".json");
        Path partial = folder.resolve("." + api + ".json.partial");
        try {
            ArrayNode array = mapper.createArrayNode();
            written.records.values().forEach(array::add);
            Files.writeString(partial, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recorded fixtures " + file, e);
        }
    }

    /** The file the API's records are written to, {@code <api>.json}. */
    public Path file(String api) {
        return folder.resolve(api.toLowerCase(Locale.ROOT) + ".json");
    }
}
