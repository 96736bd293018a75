package dev.hookstub.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of an OpenAPI {@code security} array: every scheme named here must be satisfied
 * together (entries of the array are alternatives). An empty map is the spec's {@code {}} entry,
 * which makes authentication optional.
 *
 * @param schemes security scheme name to required scopes, in spec order
 */
public record SecurityRequirement(Map<String, List<String>> schemes) {

    public SecurityRequirement {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        schemes.forEach((name, scopes) -> copy.put(name, List.copyOf(scopes)));
        schemes = java.util.Collections.unmodifiableMap(copy);
    }
}
