package dev.hookstub.server.proxy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookstub.server.journal.SpecViolation;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Hookstub-Violations} response header, as Prism's {@code sl-violations}: a JSON array of what the
 * request and the answer break, each {@code {"in", "check", "pointer", "reason"}}. A header is no place for a
 * schema's hundred complaints: it carries the first {@value #MOST} with pointers and reasons of at most
 * {@value #REASON_CHARS} characters, in ASCII; the journal keeps every one in full.
 */
final class ViolationsHeader {

    static final String NAME = "Hookstub-Violations";
    static final int MOST = 20;
    static final int REASON_CHARS = 300;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
            .build();

    private ViolationsHeader() {
    }

    static String value(List<SpecViolation> violations) {
        List<Map<String, String>> shown = new ArrayList<>();
        for (SpecViolation violation : violations.subList(0, Math.min(MOST, violations.size()))) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("in", violation.in());
            item.put("check", violation.check());
            // A pointer into a deep body is long (/children/0 five hundred times): its end says where.
            String pointer = violation.pointer();
            item.put("pointer", pointer.length() <= REASON_CHARS ? pointer
                    : "..." + pointer.substring(pointer.length() - REASON_CHARS));
            String reason = violation.reason().replaceAll("\\s+", " ");
            item.put("reason", reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS) + "...");
            shown.add(item);
        }
        try {
            return JSON.writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
