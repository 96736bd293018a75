package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.diff.Endpoints.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Security: the schemes in {@code components}, and what each operation requires. An operation's {@code security}
 * (else the document's) lists alternatives, each naming schemes that must all be satisfied with their scopes; an
 * empty alternative ({@code {}}) or no list at all means no credential is needed. Alternatives are matched by the
 * set of schemes they name.
 */
final class SecurityComparison {

    private final Document oldDocument;
    private final Document newDocument;
    private final Reach reach;

    SecurityComparison(Document oldDocument, Document newDocument, Reach reach) {
        this.oldDocument = oldDocument;
        this.newDocument = newDocument;
        this.reach = reach;
    }

    void compareSchemes() {
        Map<String, String> before = schemes(oldDocument);
        Map<String, String> after = schemes(newDocument);
        after.forEach((name, pointer) -> {
            if (!before.containsKey(name)) {
                reach.change(DiffRule.SECURITY_SCHEME_ADDED, List.of(), pointer, "security scheme '" + name + "' added");
                return;
            }
            JsonNode was = oldDocument.at(before.get(name));
            JsonNode is = newDocument.at(pointer);
            if (!how(was).equals(how(is))) {
                reach.change(DiffRule.SECURITY_SCHEME_TYPE_CHANGED, List.of(), pointer, "security scheme '" + name
                        + "' changed from " + how(was) + " to " + how(is));
            }
            Set<String> oldScopes = scopes(was);
            Set<String> newScopes = scopes(is);
            newScopes.stream().filter(scope -> !oldScopes.contains(scope)).forEach(scope -> reach.change(
                    DiffRule.SECURITY_SCHEME_SCOPE_ADDED, List.of(), pointer + "/flows",
                    "scope '" + scope + "' added to security scheme '" + name + "'"));
            oldScopes.stream().filter(scope -> !newScopes.contains(scope)).forEach(scope -> reach.change(
                    DiffRule.SECURITY_SCHEME_SCOPE_REMOVED, List.of(), pointer + "/flows",
                    "scope '" + scope + "' removed from security scheme '" + name + "'"));
        });
        before.forEach((name, pointer) -> {
            if (!after.containsKey(name)) {
                reach.change(DiffRule.SECURITY_SCHEME_REMOVED, List.of(), pointer,
                        "security scheme '" + name + "' removed");
            }
        });
    }

    private static Map<String, String> schemes(Document document) {
        Map<String, String> schemes = new LinkedHashMap<>();
        document.at("/components/securitySchemes").fieldNames().forEachRemaining(name ->
                schemes.put(name, document.resolve(Document.append("/components/securitySchemes", name))));
        return schemes;
    }

    /** How the credential travels: {@code http bearer}, {@code apiKey header X-Api-Key}, {@code oauth2}... */
    private static String how(JsonNode scheme) {
        String type = scheme.path("type").asText();
        return switch (type) {
            case "http" -> type + " " + scheme.path("scheme").asText().toLowerCase(Locale.ROOT);
            case "apiKey" -> type + " " + scheme.path("in").asText() + " " + scheme.path("name").asText();
            default -> type;
        };
    }

    private static Set<String> scopes(JsonNode scheme) {
        Set<String> scopes = new TreeSet<>();
        scheme.path("flows").forEach(flow -> flow.path("scopes").fieldNames().forEachRemaining(scopes::add));
        return scopes;
    }

    void compareOperation(String operation, Endpoint before, Endpoint after) {
        String oldPointer = securityPointer(oldDocument, before);
        String newPointer = securityPointer(newDocument, after);
        List<Map<String, Set<String>>> was = alternatives(oldDocument.at(oldPointer));
        List<Map<String, Set<String>>> is = alternatives(newDocument.at(newPointer));
        boolean wasOpen = open(was);
        boolean isOpen = open(is);
        if (wasOpen && !isOpen) {
            change(DiffRule.OPERATION_SECURITY_ADDED, operation, newPointer, "now needs " + show(is));
        } else if (!wasOpen && isOpen) {
            change(DiffRule.OPERATION_SECURITY_REMOVED, operation, newPointer, "no longer needs " + show(was));
        } else if (!wasOpen) {
            compareAlternatives(operation, newPointer, was, is);
        }
    }

    private void compareAlternatives(String operation, String pointer, List<Map<String, Set<String>>> was,
                                     List<Map<String, Set<String>>> is) {
        for (Map<String, Set<String>> alternative : is) {
            Map<String, Set<String>> old = was.stream().filter(a -> a.keySet().equals(alternative.keySet()))
                    .findFirst().orElse(null);
            if (old == null) {
                change(DiffRule.OPERATION_SECURITY_ALTERNATIVE_ADDED, operation, pointer,
                        "also accepts " + show(List.of(alternative)));
                continue;
            }
            alternative.forEach((scheme, scopes) -> {
                for (String scope : scopes) {
                    if (!old.get(scheme).contains(scope)) {
                        change(DiffRule.OPERATION_SECURITY_SCOPE_ADDED, operation, pointer,
                                "scope '" + scope + "' of '" + scheme + "' now needed");
                    }
                }
                for (String scope : old.get(scheme)) {
                    if (!scopes.contains(scope)) {
                        change(DiffRule.OPERATION_SECURITY_SCOPE_REMOVED, operation, pointer,
                                "scope '" + scope + "' of '" + scheme + "' no longer needed");
                    }
                }
            });
        }
        for (Map<String, Set<String>> alternative : was) {
            if (is.stream().noneMatch(a -> a.keySet().equals(alternative.keySet()))) {
                change(DiffRule.OPERATION_SECURITY_ALTERNATIVE_REMOVED, operation, pointer,
                        "no longer accepts " + show(List.of(alternative)));
            }
        }
    }

    private void change(DiffRule rule, String operation, String pointer, String message) {
        reach.change(rule, List.of(operation), pointer, message);
    }

    /** The operation's own {@code security}, else the document's. */
    private static String securityPointer(Document document, Endpoint endpoint) {
        String own = endpoint.pointer() + "/security";
        return document.at(own).isMissingNode() ? "/security" : own;
    }

    private static List<Map<String, Set<String>>> alternatives(JsonNode security) {
        List<Map<String, Set<String>>> alternatives = new ArrayList<>();
        security.forEach(requirement -> {
            Map<String, Set<String>> schemes = new TreeMap<>();
            requirement.fields().forEachRemaining(scheme -> {
                Set<String> scopes = new TreeSet<>();
                scheme.getValue().forEach(scope -> scopes.add(scope.asText()));
                schemes.put(scheme.getKey(), scopes);
            });
            alternatives.add(schemes);
        });
        return alternatives;
    }

    private static boolean open(List<Map<String, Set<String>>> alternatives) {
        return alternatives.isEmpty() || alternatives.stream().anyMatch(Map::isEmpty);
    }

    private static String show(List<Map<String, Set<String>>> alternatives) {
        List<String> shown = new ArrayList<>();
        for (Map<String, Set<String>> alternative : alternatives) {
            List<String> schemes = new ArrayList<>();
            alternative.forEach((scheme, scopes) -> schemes.add(scopes.isEmpty() ? scheme
                    : scheme + " " + scopes));
            shown.add(String.join(" + ", schemes));
        }
        return String.join(" or ", shown);
    }
}
