package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code $ref} of a document, resolved once when it is loaded: to the JSON pointer of its target, or to one line
 * saying why it cannot be (no such pointer, or a file or URL outside the document, which hookstub does not fetch).
 *
 * <p>OpenAPI 3.1 schemas may carry {@code $id}. By JSON Schema's rules a {@code #/...} reference inside such a schema
 * is relative to that {@code $id}, yet documents written for OpenAPI tools (Scalar's Galaxy, for one) mean the
 * document: {@code #/components/schemas/X} beside an {@code $id}. A reference is therefore looked up in its schema
 * resource first and in the document second; those found only in the document are listed, so that the copy the
 * schema validator reads can name the document explicitly.
 */
final class References {

    /** Objects whose members are names chosen by the author, not keywords: a property may be called "example". */
    private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas", "schemas", "responses", "parameters", "requestBodies", "headers", "securitySchemes",
            "links", "callbacks", "pathItems", "paths", "content", "encoding", "variables", "webhooks");
    /** Members whose value is data (an example, a default), where a "$ref" member is just a value. */
    private static final Set<String> DATA = Set.of("example", "default", "const", "enum", "value");
    private static final int PROBLEMS_SHOWN = 3;

    private final JsonNode root;
    private final URI documentUri;
    private final boolean schemaIds;
    /** Pointer of a {@code $ref}'s object to the pointer of its target. */
    private final Map<String, String> targets = new HashMap<>();
    /** Pointers of {@code $ref}s inside an {@code $id} resource that resolve against the document instead. */
    private final List<String> documentRelative = new ArrayList<>();
    private final Map<String, String> resources = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private References(JsonNode root, URI documentUri, boolean schemaIds) {
        this.root = root;
        this.documentUri = documentUri;
        this.schemaIds = schemaIds;
    }

    /** Reads every reference of {@code root}; throws naming the first few that do not resolve. */
    static References of(String where, JsonNode root, URI documentUri, boolean openApi31) {
        References refs = new References(root, documentUri, openApi31);
        refs.collectIds(root, "", documentUri, null);
        refs.resolveAll(root, "", documentUri, "", null);
        if (!refs.problems.isEmpty()) {
            int count = refs.problems.size();
            throw new SpecLoadException(where + ": " + (count == 1 ? "a $ref does not resolve: "
                    : count + " $refs do not resolve, among them: ")
                    + String.join("; ", refs.problems.subList(0, Math.min(PROBLEMS_SHOWN, count))));
        }
        return refs;
    }

    /** Where the {@code $ref} at {@code pointer} leads, or null when there is no reference there. */
    String target(String pointer) {
        return targets.get(pointer);
    }

    boolean needsDocumentIris() {
        return !documentRelative.isEmpty();
    }

    /**
     * A copy of the document for the schema validator in which every reference resolved against the document (and
     * not its {@code $id} resource) names the document by its IRI.
     */
    JsonNode withDocumentIris(String documentIri) {
        JsonNode copy = root.deepCopy();
        for (String pointer : documentRelative) {
            ((ObjectNode) copy.at(pointer)).set("$ref", TextNode.valueOf(documentIri + "#" + targets.get(pointer)));
        }
        return copy;
    }

    private void collectIds(JsonNode node, String pointer, URI base, String parentKey) {
        if (node.isObject()) {
            URI here = base;
            boolean keywords = parentKey == null || !NAME_MAPS.contains(parentKey);
            if (schemaIds && keywords && node.path("$id").isTextual()) {
                here = resolveAgainst(base, node.get("$id").asText());
                if (here != null) {
                    resources.put(withoutFragment(here), pointer);
                }
                here = here == null ? base : here;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (keywords && skipped(field.getKey())) {
                    continue;
                }
                collectIds(field.getValue(), JsonPointers.append(pointer, field.getKey()), here,
                        keywords ? field.getKey() : null);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectIds(node.get(i), pointer + "/" + i, base, null);
            }
        }
    }

    private void resolveAll(JsonNode node, String pointer, URI base, String resource, String parentKey) {
        if (node.isObject()) {
            URI here = base;
            String resourceHere = resource;
            boolean keywords = parentKey == null || !NAME_MAPS.contains(parentKey);
            if (schemaIds && keywords && node.path("$id").isTextual()) {
                URI id = resolveAgainst(base, node.get("$id").asText());
                if (id != null) {
                    here = id;
                    resourceHere = pointer;
                }
            }
            if (keywords && node.path("$ref").isTextual()) {
                resolve(pointer, node.get("$ref").asText(), here, resourceHere);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (keywords && (skipped(field.getKey()) || field.getKey().equals("$ref"))) {
                    continue;
                }
                resolveAll(field.getValue(), JsonPointers.append(pointer, field.getKey()), here, resourceHere,
                        keywords ? field.getKey() : null);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                resolveAll(node.get(i), pointer + "/" + i, base, resource, null);
            }
        }
    }

    /** Data members, vendor extensions and schema {@code examples} arrays hold values, not references. */
    private static boolean skipped(String key) {
        return DATA.contains(key) || key.startsWith("x-");
    }

    private void resolve(String at, String ref, URI base, String resource) {
        if (ref.startsWith("#")) {
            String fragment = decode(ref.substring(1));
            String inResource = resource + fragment;
            if (exists(inResource)) {
                targets.put(at, inResource);
            } else if (!resource.isEmpty() && exists(fragment)) {
                targets.put(at, fragment);
                documentRelative.add(at);
            } else {
                problems.add("'" + ref + "' at " + shown(at) + " (no such location in the document)");
            }
            return;
        }
        URI absolute = resolveAgainst(base, ref);
        if (absolute == null) {
            problems.add("'" + ref + "' at " + shown(at) + " (not a valid URI reference)");
            return;
        }
        String document = withoutFragment(absolute);
        String resourcePointer = document.equals(withoutFragment(documentUri)) ? "" : resources.get(document);
        if (resourcePointer == null) {
            problems.add("'" + ref + "' at " + shown(at) + " (it points outside this document; hookstub reads one"
                    + " file: bundle the document first, e.g. `npx @redocly/cli bundle`)");
            return;
        }
        String fragment = absolute.getRawFragment() == null ? "" : decode(absolute.getRawFragment());
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            problems.add("'" + ref + "' at " + shown(at) + " (anchors are not supported; use a JSON pointer)");
            return;
        }
        if (exists(resourcePointer + fragment)) {
            targets.put(at, resourcePointer + fragment);
        } else {
            problems.add("'" + ref + "' at " + shown(at) + " (no such location in the document)");
        }
    }

    private boolean exists(String pointer) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            return false;
        }
        return !root.at(pointer).isMissingNode();
    }

    private static String shown(String pointer) {
        return pointer.isEmpty() ? "the document's root" : "#" + pointer;
    }

    /** A fragment is URI-encoded on top of pointer escaping; '+' is literal in it. */
    private static String decode(String fragment) {
        try {
            return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fragment;
        }
    }

    private static URI resolveAgainst(URI base, String reference) {
        try {
            return base.resolve(reference);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }
}
