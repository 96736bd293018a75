package dev.hookstub.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a request or answer body is read to be judged. The JSON Schema library reads the text again with its own
 * Jackson, which stops at 500 levels of nesting, where ours would go on to 1000: a request body 600 levels deep
 * passed our reading and failed the library's with an exception nobody caught (a 500). Both now stop at the same
 * depth, and a body deeper than that is named as such, not called invalid JSON.
 */
final class JsonBodies {

    /** The JSON Schema library's own reader's limit (Jackson 3's default). */
    static final int MAX_DEPTH = 500;

    /** One JSON value, and nothing after it. */
    static final ObjectMapper READER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        READER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private JsonBodies() {
    }

    /** Why a body could not be read, said of it: {@code "body " + unreadable(e)} is a violation's reason. */
    static String unreadable(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException && e.getOriginalMessage().contains("nesting depth")) {
            return "nests deeper than the " + MAX_DEPTH + " levels hookstub reads, so it was not judged";
        }
        return "is not valid JSON: " + e.getOriginalMessage();
    }
}
