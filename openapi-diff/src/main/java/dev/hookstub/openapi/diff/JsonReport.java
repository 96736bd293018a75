package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The report for programs: every change with every operation it reaches (text and Markdown shorten that list). */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    static String render(DiffReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("old", report.oldName());
        root.put("new", report.newName());
        ObjectNode summary = root.putObject("summary");
        summary.put("changes", report.changes().size());
        report.counts().forEach((severity, count) -> summary.put(severity.label(), count));
        ArrayNode notCompared = root.putArray("notCompared");
        report.notCompared().forEach(notCompared::add);
        ArrayNode changes = root.putArray("changes");
        for (Change change : report.changes()) {
            ObjectNode entry = changes.addObject();
            entry.put("rule", change.rule().id());
            entry.put("severity", change.severity().label());
            ArrayNode audiences = entry.putArray("audiences");
            change.rule().audiences().forEach(audience -> audiences.add(audience.label()));
            ArrayNode operations = entry.putArray("operations");
            change.operations().forEach(operations::add);
            entry.put("pointer", change.pointer());
            entry.put("message", change.message());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
