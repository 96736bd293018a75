package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.MediaTypes;
import dev.hookstub.openapi.diff.Endpoints.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compares one operation in two documents: its parameters, request body, responses and security. */
final class OperationComparison {

    /**
     * A parameter as the operation sees it (path-level and operation-level merged, the latter winning), keyed by
     * where it goes: a path parameter by its place in the template, a header by its name in lower case.
     */
    private record Parameter(String key, String name, String in, boolean required, String pointer,
                             String schemaPointer) {
    }

    private final Document oldDocument;
    private final Document newDocument;
    private final Reach reach;
    private final SchemaComparison schemas;
    private final SecurityComparison security;

    OperationComparison(Document oldDocument, Document newDocument, Reach reach) {
        this.oldDocument = oldDocument;
        this.newDocument = newDocument;
        this.reach = reach;
        this.schemas = new SchemaComparison(oldDocument, newDocument, reach);
        this.security = new SecurityComparison(oldDocument, newDocument, reach);
    }

    void compare(Endpoint before, Endpoint after) {
        String operation = after.display();
        compareOperationIds(operation, before, after);
        compareParameters(operation, parameters(oldDocument, before), parameters(newDocument, after));
        compareRequestBodies(operation, before, after);
        compareResponses(operation, before, after);
        security.compareOperation(operation, before, after);
    }

    private void compareParameters(String operation, Map<String, Parameter> before, Map<String, Parameter> after) {
        List<Parameter> removed = new ArrayList<>();
        before.forEach((key, parameter) -> {
            if (!after.containsKey(key)) {
                removed.add(parameter);
            }
        });
        for (Parameter parameter : after.values()) {
            Parameter old = before.get(parameter.key());
            if (old == null) {
                old = removed.stream().filter(p -> p.name().equalsIgnoreCase(parameter.name())).findFirst()
                        .orElse(null);
                if (old == null) {
                    reach.change(parameter.required() ? DiffRule.REQUEST_PARAMETER_ADDED_REQUIRED
                                    : DiffRule.REQUEST_PARAMETER_ADDED_OPTIONAL, List.of(operation),
                            parameter.pointer(), (parameter.required() ? "required " : "optional ") + parameter.in()
                                    + " parameter '" + parameter.name() + "' added");
                    continue;
                }
                removed.remove(old);
                reach.change(DiffRule.REQUEST_PARAMETER_IN_CHANGED, List.of(operation), parameter.pointer(),
                        "parameter '" + parameter.name() + "' moved from " + old.in() + " to " + parameter.in());
            }
            if (old.required() != parameter.required()) {
                reach.change(parameter.required() ? DiffRule.REQUEST_PARAMETER_BECAME_REQUIRED
                                : DiffRule.REQUEST_PARAMETER_BECAME_OPTIONAL, List.of(operation), parameter.pointer(),
                        parameter.in() + " parameter '" + parameter.name() + "' became "
                                + (parameter.required() ? "required" : "optional"));
            }
            if (old.schemaPointer() != null && parameter.schemaPointer() != null) {
                schemas.compare(operation, old.schemaPointer(), parameter.schemaPointer(), Direction.REQUEST);
            }
        }
        removed.forEach(parameter -> reach.change(DiffRule.REQUEST_PARAMETER_REMOVED, List.of(operation),
                parameter.pointer(), parameter.in() + " parameter '" + parameter.name() + "' removed"));
    }

    private static Map<String, Parameter> parameters(Document document, Endpoint endpoint) {
        List<String> pathNames = endpoint.pathParameters();
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (String owner : List.of(endpoint.pathPointer(), endpoint.pointer())) {
            JsonNode list = document.at(owner + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                String pointer = document.resolve(owner + "/parameters/" + i);
                JsonNode node = document.at(pointer);
                String name = node.path("name").asText();
                String in = node.path("in").asText();
                String key = switch (in) {
                    case "path" -> "path#" + (pathNames.contains(name) ? pathNames.indexOf(name) : name);
                    case "header" -> "header:" + name.toLowerCase(Locale.ROOT);
                    default -> in + ":" + name;
                };
                String schema = node.has("schema") ? pointer + "/schema"
                        : firstSchema(document, pointer + "/content");
                parameters.put(key, new Parameter(key, name, in,
                        in.equals("path") || node.path("required").asBoolean(false), pointer, schema));
            }
        }
        return parameters;
    }

    private static String firstSchema(Document document, String contentPointer) {
        var types = document.at(contentPointer).fieldNames();
        return types.hasNext() ? Document.append(contentPointer, types.next()) + "/schema" : null;
    }

    /** Generated code names an operation's method after its operationId (or its path and method without one). */
    private void compareOperationIds(String operation, Endpoint before, Endpoint after) {
        String oldId = oldDocument.at(before.pointer() + "/operationId").asText(null);
        String newId = newDocument.at(after.pointer() + "/operationId").asText(null);
        if (java.util.Objects.equals(oldId, newId)) {
            return;
        }
        String what = oldId == null ? "operationId '" + newId + "' added"
                : newId == null ? "operationId '" + oldId + "' removed"
                : "operationId '" + oldId + "' became '" + newId + "'";
        reach.change(DiffRule.OPERATION_ID_CHANGED, List.of(operation),
                newId == null ? after.pointer() : after.pointer() + "/operationId", what);
    }

    private void compareRequestBodies(String operation, Endpoint before, Endpoint after) {
        String oldBody = body(oldDocument, before.pointer() + "/requestBody");
        String newBody = body(newDocument, after.pointer() + "/requestBody");
        if (oldBody == null && newBody == null) {
            return;
        }
        // OpenAPI: a request body is optional unless it says required.
        boolean wasRequired = oldBody != null && oldDocument.at(oldBody).path("required").asBoolean(false);
        boolean isRequired = newBody != null && newDocument.at(newBody).path("required").asBoolean(false);
        if (isRequired && !wasRequired) {
            reach.change(DiffRule.REQUEST_BODY_BECAME_REQUIRED, List.of(operation), newBody,
                    oldBody == null ? "a required request body added" : "the request body became required");
        } else if (wasRequired && !isRequired && newBody != null) {
            reach.change(DiffRule.REQUEST_BODY_BECAME_OPTIONAL, List.of(operation), newBody,
                    "the request body became optional");
        }
        compareContent(operation, oldBody, newBody, Direction.REQUEST, "the request body");
    }

    private void compareResponses(String operation, Endpoint before, Endpoint after) {
        Map<String, String> oldResponses = responses(oldDocument, before);
        Map<String, String> newResponses = responses(newDocument, after);
        newResponses.forEach((status, pointer) -> {
            if (!oldResponses.containsKey(status)) {
                reach.change(status.startsWith("2") ? DiffRule.RESPONSE_SUCCESS_STATUS_ADDED
                        : DiffRule.RESPONSE_ERROR_STATUS_ADDED, List.of(operation), pointer,
                        "response " + status + " added");
            } else {
                compareContent(operation, oldDocument.resolve(oldResponses.get(status)), newDocument.resolve(pointer),
                        Direction.RESPONSE, "the " + status + " response");
            }
        });
        oldResponses.forEach((status, pointer) -> {
            if (!newResponses.containsKey(status)) {
                reach.change(status.startsWith("2") ? DiffRule.RESPONSE_SUCCESS_STATUS_REMOVED
                        : DiffRule.RESPONSE_ERROR_STATUS_REMOVED, List.of(operation), pointer,
                        "response " + status + " removed");
            }
        });
    }

    /** Response keys as the document writes them, ranges in upper case ({@code 2XX}), to their pointers. */
    private static Map<String, String> responses(Document document, Endpoint endpoint) {
        Map<String, String> responses = new LinkedHashMap<>();
        String pointer = endpoint.pointer() + "/responses";
        document.at(pointer).fieldNames().forEachRemaining(status ->
                responses.put(status.toUpperCase(Locale.ROOT), Document.append(pointer, status)));
        return responses;
    }

    private static String body(Document document, String pointer) {
        return document.at(pointer).isMissingNode() ? null : document.resolve(pointer);
    }

    /** Media types by essence, then the schemas of those in both. Either body pointer may be null (none). */
    private void compareContent(String operation, String oldBody, String newBody, Direction direction, String what) {
        Map<String, String> before = content(oldDocument, oldBody);
        Map<String, String> after = content(newDocument, newBody);
        boolean request = direction == Direction.REQUEST;
        after.forEach((type, pointer) -> {
            if (!before.containsKey(type)) {
                reach.change(request ? DiffRule.REQUEST_MEDIA_TYPE_ADDED : DiffRule.RESPONSE_MEDIA_TYPE_ADDED,
                        List.of(operation), pointer, "media type " + type + " added to " + what);
            } else if (oldDocument.at(before.get(type)).has("schema") && newDocument.at(pointer).has("schema")) {
                schemas.compare(operation, before.get(type) + "/schema", pointer + "/schema", direction);
            }
        });
        before.forEach((type, pointer) -> {
            if (!after.containsKey(type)) {
                reach.change(request ? DiffRule.REQUEST_MEDIA_TYPE_REMOVED : DiffRule.RESPONSE_MEDIA_TYPE_REMOVED,
                        List.of(operation), pointer, "media type " + type + " removed from " + what);
            }
        });
    }

    private static Map<String, String> content(Document document, String bodyPointer) {
        Map<String, String> types = new LinkedHashMap<>();
        if (bodyPointer == null) {
            return types;
        }
        String pointer = bodyPointer + "/content";
        document.at(pointer).fieldNames().forEachRemaining(type ->
                types.putIfAbsent(MediaTypes.essence(type), Document.append(pointer, type)));
        return types;
    }
}
