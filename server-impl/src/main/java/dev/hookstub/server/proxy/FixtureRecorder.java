package dev.hookstub.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.openapi.MediaTypes;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
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
import java.util.regex.Pattern;

/**
 * {@code --record DIR}: what the upstream answered, written as fixtures in the stub's own format, {@code <api>.json}
 * (an array of records in the admin API's create format, what {@code serve --fixtures DIR} loads), so that a stub
 * started on them answers the same reads with the same bodies.
 * <ul>
 * <li>A 2xx answer whose schema is the API's record schema (a read of one record, MijnKlantportaal's create) is a
 * record. The same record (by its id, as the API keys ids) seen again replaces the one written, in place.</li>
 * <li>A delete answered 2xx, or a read of a record answered 404 or 410, removes it.</li>
 * <li>The stub's own fields that answers do not carry are added ({@link StubApi#recordedFields}: MijnKlantportaal's
 * tenant, from the key the record was read with).</li>
 * <li>Secrets (members named like a secret, token, password, authorization, API key or credential, at any depth:
 * signing secrets, {@code authorizationHeader}, a custom {@code Authorization} header) are written as
 * {@value #PLACEHOLDER} unless they are to be kept.</li>
 * <li>A record that breaks the spec is written as it was answered, and flagged: in the log and the report.</li>
 * </ul>
 * Each change rewrites the API's file whole (to a temporary file first, then moved over it).
 */
public final class FixtureRecorder {

    public static final String PLACEHOLDER = "hookstub-recorded-secret";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "secret|token|password|authorization|api_?key|credential", Pattern.CASE_INSENSITIVE);

    /** One API's records as written, by key, in the order first seen; and the credentials seen, in order. */
    private static final class Written {
        final Map<String, ObjectNode> records = new LinkedHashMap<>();
        final List<String> credentials = new ArrayList<>();
    }

    private final Path folder;
    private final boolean keepSecrets;
    private final ProxyReport report;
    private final ObjectMapper mapper;
    private final Map<String, Written> byApi = new HashMap<>();

    public FixtureRecorder(Path folder, boolean keepSecrets, ProxyReport report, ObjectMapper mapper) {
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
    }

    /**
     * Takes what the upstream answered a request of the API.
     *
     * @param path              below the API's mount
     * @param requestHeaders    name, value, name, value... as the caller sent them
     * @param answerViolations  what the answer breaks of the spec
     */
    synchronized void answered(StubApi api, OpenApiSpec spec, Operation operation, String method, String path,
                               List<String> requestHeaders, int status, String contentType, String body,
                               List<SpecViolation> answerViolations) {
        if (operation == null) {
            return;
        }
        Written written = byApi.computeIfAbsent(api.id(), id -> new Written());
        RecordShape records = api.records();
        if (removes(method, status)) {
            String id = lastSegment(path);
            if (written.records.remove(records.key(id)) != null) {
                write(api.id(), written);
            }
            return;
        }
        if (status < 200 || status >= 300 || !answersWithTheRecord(spec, operation, status, contentType, records)) {
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
        String credential = credential(spec, operation, requestHeaders);
        int ordinal = ordinal(written, credential);
        api.recordedFields(credential, ordinal).forEach(record::put);
        if (!keepSecrets) {
            hideSecrets(record);
        }
        String id = record.get(RecordShape.ID).asText();
        written.records.put(records.key(id), record);
        write(api.id(), written);
        if (!answerViolations.isEmpty()) {
            ViolationLog.record(api.id(), id, answerViolations);
            report.flagged(api.id(), id, answerViolations);
        }
    }

    private static boolean removes(String method, int status) {
        return method.equals("DELETE") && status >= 200 && status < 300
                || method.equals("GET") && (status == 404 || status == 410);
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

    private static int ordinal(Written written, String credential) {
        if (credential == null) {
            return 0;
        }
        int at = written.credentials.indexOf(credential);
        if (at < 0) {
            written.credentials.add(credential);
            return written.credentials.size() - 1;
        }
        return at;
    }

    private static void hideSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && !value.asText().isEmpty() && SECRET_NAME.matcher(name).find()) {
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
