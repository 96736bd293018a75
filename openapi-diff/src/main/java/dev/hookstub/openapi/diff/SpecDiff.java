package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.diff.Endpoints.Endpoint;
import dev.hookstub.openapi.diff.Endpoints.PathEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The breaking-change report between two versions of an OpenAPI 3.0 or 3.1 document. */
public final class SpecDiff {

    private SpecDiff() {
    }

    public static DiffReport compare(OpenApiSpec before, OpenApiSpec after) {
        return compare(before.name(), before.document(), after.name(), after.document());
    }

    /** {@code oldName} and {@code newName} are how the report names the documents, e.g. their files. */
    public static DiffReport compare(String oldName, JsonNode before, String newName, JsonNode after) {
        Document oldDocument = new Document(before);
        Document newDocument = new Document(after);
        Reach reach = new Reach();
        OperationComparison operations = new OperationComparison(oldDocument, newDocument, reach);
        Map<String, PathEntry> oldPaths = Endpoints.of(oldDocument);
        Map<String, PathEntry> newPaths = Endpoints.of(newDocument);
        newPaths.forEach((key, path) -> {
            PathEntry old = oldPaths.get(key);
            if (old == null) {
                reach.change(DiffRule.PATH_ADDED, displays(path), path.pointer(), "path " + path.template()
                        + " added");
                return;
            }
            path.operations().forEach((method, endpoint) -> {
                Endpoint was = old.operations().get(method);
                if (was == null) {
                    reach.change(DiffRule.OPERATION_ADDED, List.of(endpoint.display()), endpoint.pointer(),
                            "operation " + endpoint.display() + " added");
                } else {
                    operations.compare(was, endpoint);
                }
            });
            old.operations().forEach((method, endpoint) -> {
                if (!path.operations().containsKey(method)) {
                    reach.change(DiffRule.OPERATION_REMOVED, List.of(endpoint.display()), endpoint.pointer(),
                            "operation " + endpoint.display() + " removed");
                }
            });
        });
        oldPaths.forEach((key, path) -> {
            if (!newPaths.containsKey(key)) {
                reach.change(DiffRule.PATH_REMOVED, displays(path), path.pointer(), "path " + path.template()
                        + " removed");
            }
        });
        new SecurityComparison(oldDocument, newDocument, reach).compareSchemes();
        return new DiffReport(describe(oldName, before), describe(newName, after), reach.changes(),
                notCompared(oldDocument, newDocument, oldPaths, newPaths));
    }

    /**
     * Webhooks and callbacks are requests the API sends, whose breaking changes run the other way round; they are
     * not compared (yet), so where they differ the report says so rather than "No changes."
     */
    private static List<String> notCompared(Document before, Document after, Map<String, PathEntry> oldPaths,
                                            Map<String, PathEntry> newPaths) {
        List<String> notes = new ArrayList<>();
        if (!before.at("/webhooks").equals(after.at("/webhooks"))) {
            notes.add("The webhooks differ (" + before.at("/webhooks").size() + " before, " + after.at("/webhooks")
                    .size() + " after) and are not compared: read their changes in the documents.");
        }
        Map<String, JsonNode> oldCallbacks = callbacks(before, oldPaths);
        Map<String, JsonNode> newCallbacks = callbacks(after, newPaths);
        if (!oldCallbacks.equals(newCallbacks)) {
            Set<String> operations = new TreeSet<>(oldCallbacks.keySet());
            operations.addAll(newCallbacks.keySet());
            operations.removeIf(operation -> java.util.Objects.equals(oldCallbacks.get(operation),
                    newCallbacks.get(operation)));
            notes.add("The callbacks of " + String.join(", ", operations) + " differ and are not compared: read "
                    + "their changes in the documents.");
        }
        return notes;
    }

    /** Each operation's callbacks, by how reports name the operation. */
    private static Map<String, JsonNode> callbacks(Document document, Map<String, PathEntry> paths) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        paths.values().forEach(path -> path.operations().values().forEach(endpoint -> {
            JsonNode callbacks = document.at(endpoint.pointer() + "/callbacks");
            if (!callbacks.isMissingNode()) {
                found.put(endpoint.display(), callbacks);
            }
        }));
        return found;
    }

    private static List<String> displays(PathEntry path) {
        return path.operations().values().stream().map(Endpoint::display).toList();
    }

    private static String describe(String name, JsonNode document) {
        JsonNode info = document.path("info");
        return name + " (" + info.path("title").asText("untitled") + " " + info.path("version").asText("") + ")";
    }
}
