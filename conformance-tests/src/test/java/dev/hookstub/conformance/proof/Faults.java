package dev.hookstub.conformance.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ways {@link ProofOfPowerTest} breaks the stub; each mimics a bug a real server could have. */
final class Faults {

    private Faults() {
    }

    static Fault none() {
        return () -> "no fault";
    }

    /** No fault; every request is noted in {@code log} as {@code METHOD /path?query}. */
    static Fault recording(java.util.List<String> log) {
        return new Fault() {
            @Override
            public String description() {
                return "records requests";
            }

            @Override
            public ProxiedRequest onRequest(ProxiedRequest request) {
                log.add(request.method() + " " + request.pathAndQuery());
                return request;
            }
        };
    }

    /** Successful JSON responses lose a top-level member. */
    static Fault dropMember(String name) {
        return successBody("drops '" + name + "' from successful responses", node -> {
            if (node instanceof ObjectNode object) {
                object.remove(name);
            }
            return node;
        });
    }

    /** Successful JSON responses carry {@code value} as {@code name} (a wrong type, a null, an unknown enum value). */
    static Fault setMember(String name, JsonNode value, String what) {
        return successBody(what, node -> {
            if (node instanceof ObjectNode object && object.has(name)) {
                object.set(name, value);
            }
            return node;
        });
    }

    static Fault setMember(String name, String value, String what) {
        return setMember(name, JsonNodeFactory.instance.textNode(value), what);
    }

    static Fault nullMember(String name) {
        return setMember(name, JsonNodeFactory.instance.nullNode(), "writes null for '" + name + "'");
    }

    /** Every successful response answers with a status the specs do not declare. */
    static Fault successStatus(int status) {
        return respond("answers " + status + " instead of any 2xx",
                (request, response) -> response.isSuccess() ? response.withStatus(status) : response);
    }

    /** Every response claims another media type. */
    static Fault contentType(String contentType) {
        return respond("labels every response " + contentType,
                (request, response) -> response.withHeader("Content-Type", contentType));
    }

    /**
     * The server lets anyone in: a request without the valid credential of its API gets it added on the way.
     *
     * @param validCredentials path prefix of each API (e.g. {@code /partoo/v2}) to its credential header and value
     */
    static Fault ignoreAuth(Map<String, Map.Entry<String, String>> validCredentials) {
        return new Fault() {
            @Override
            public String description() {
                return "ignores credentials";
            }

            @Override
            public ProxiedRequest onRequest(ProxiedRequest request) {
                for (var api : validCredentials.entrySet()) {
                    if (request.path().startsWith(api.getKey() + "/")) {
                        Map.Entry<String, String> valid = api.getValue();
                        return valid.getValue().equals(request.header(valid.getKey()).orElse(null))
                                ? request : request.withHeader(valid.getKey(), valid.getValue());
                    }
                }
                return request;
            }
        };
    }

    /**
     * The server keeps no tenants apart: a request with another tenant's credential is served as the first tenant's.
     *
     * @param validCredentials  path prefix of each API to its credential header and value
     * @param otherCredentials  path prefix of each API to the header value of its second tenant's credential
     */
    static Fault tenantsShareRecords(Map<String, Map.Entry<String, String>> validCredentials,
                                     Map<String, String> otherCredentials) {
        return new Fault() {
            @Override
            public String description() {
                return "serves every tenant the first tenant's records";
            }

            @Override
            public ProxiedRequest onRequest(ProxiedRequest request) {
                for (var api : otherCredentials.entrySet()) {
                    Map.Entry<String, String> valid = validCredentials.get(api.getKey());
                    if (request.path().startsWith(api.getKey() + "/")
                            && api.getValue().equals(request.header(valid.getKey()).orElse(null))) {
                        return request.withHeader(valid.getKey(), valid.getValue());
                    }
                }
                return request;
            }
        };
    }

    /** Error bodies come as a list of errors instead of the API's error object. */
    static Fault errorBodyAsList() {
        return respond("wraps every error body in a JSON array", (request, response) -> response.isClientError()
                ? response.withJson(node -> JsonNodeFactory.instance.arrayNode().add(node)) : response);
    }

    /**
     * Every error body moved under a member of another name: still an object, but in none of the API's error formats
     * ({@code {"error": {"message": ...}}} where MijnKlantportaal's is {@code {"message": ...}}), which error schemas
     * that require nothing let pass.
     */
    static Fault errorBodyOfAnotherApi() {
        return respond("moves every error body under \"error\"", (request, response) -> response.isClientError()
                ? response.withJson(node -> JsonNodeFactory.instance.objectNode().set("error", node)) : response);
    }

    /** Input the server should reject makes it crash (the stub's 400/404/422 become 500s). */
    static Fault crashOnInvalidInput() {
        return respond("crashes with 500 where it should reject input",
                (request, response) -> isInputRejection(response) ? response.withStatus(500) : response);
    }

    /** The server takes anything: every rejection of input becomes a 200 with an empty object. */
    static Fault acceptInvalidInput() {
        return respond("answers 200 {} where it should reject input", (request, response) -> isInputRejection(response)
                ? response.withStatus(200).withHeader("Content-Type", "application/json").withBody("{}") : response);
    }

    /** The server refuses valid input: every success becomes a 422. */
    static Fault rejectValidInput() {
        return respond("answers 422 to valid requests",
                (request, response) -> response.isSuccess() ? response.withStatus(422) : response);
    }

    /** Records created through the proxy are gone when read: a GET of their id asks the stub for another id. */
    static Fault forgetCreatedRecords() {
        Set<String> created = ConcurrentHashMap.newKeySet();
        return new Fault() {
            @Override
            public String description() {
                return "loses every record it creates";
            }

            @Override
            public ProxiedRequest onRequest(ProxiedRequest request) {
                String path = request.path();
                String last = path.substring(path.lastIndexOf('/') + 1);
                return request.method().equals("GET") && created.contains(last)
                        ? request.withPathAndQuery(request.pathAndQuery().replace(last, last + "gone"))
                        : request;
            }

            @Override
            public ProxiedResponse onResponse(ProxiedRequest request, ProxiedResponse response) {
                if (request.method().equals("POST") && response.status() == 201) {
                    response.json().map(node -> node.path("id")).filter(JsonNode::isValueNode)
                            .ifPresent(id -> created.add(id.asText()));
                }
                return response;
            }
        };
    }

    /** The server ignores the method: whatever is asked, it serves as a GET. */
    static Fault everyMethodIsGet() {
        return new Fault() {
            @Override
            public String description() {
                return "serves every method as GET";
            }

            @Override
            public ProxiedRequest onRequest(ProxiedRequest request) {
                return request.method().equals("GET") ? request : request.withMethod("GET");
            }
        };
    }

    private static boolean isInputRejection(ProxiedResponse response) {
        return response.status() == 400 || response.status() == 404 || response.status() == 422;
    }

    private static Fault successBody(String description, java.util.function.UnaryOperator<JsonNode> change) {
        return respond(description, (request, response) -> response.isSuccess() ? response.withJson(change) : response);
    }

    private interface ResponseChange {
        ProxiedResponse apply(ProxiedRequest request, ProxiedResponse response);
    }

    private static Fault respond(String description, ResponseChange change) {
        return new Fault() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public ProxiedResponse onResponse(ProxiedRequest request, ProxiedResponse response) {
                return change.apply(request, response);
            }
        };
    }
}
