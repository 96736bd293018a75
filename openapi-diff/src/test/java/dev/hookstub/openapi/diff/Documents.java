package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Minimal documents for the tests, written as YAML. Schemas and paths are given in YAML's flow style
 * ({@code {type: object, properties: {...}}}) so that they sit on one line of the skeleton whatever their indent.
 */
final class Documents {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Documents() {
    }

    /** A document with {@code paths} (flow style) and anything else at the top level ({@code extra}, block style). */
    static String api(String version, String paths, String extra) {
        return """
                openapi: %s
                info: {title: Pets, version: '1'}
                paths: %s
                %s
                """.formatted(version, paths, extra);
    }

    static String api(String paths) {
        return api("3.1.0", paths, "");
    }

    /** {@code POST /pets} whose JSON request body has {@code schema}. */
    static String requestSchema(String version, String schema) {
        return api(version, "{/pets: {post: {requestBody: {content: {application/json: {schema: " + schema
                + "}}}, responses: {'204': {description: done}}}}}", "");
    }

    /** {@code GET /pets} whose 200 JSON response has {@code schema}. */
    static String responseSchema(String version, String schema) {
        return api(version, "{/pets: {get: {responses: {'200': {description: ok, content: {application/json: {schema: "
                + schema + "}}}}}}}", "");
    }

    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DiffReport diff(String before, String after) {
        return SpecDiff.compare("old.yaml", parse(before), "new.yaml", parse(after));
    }
}
