package dev.hookstub.conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.openapi.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kind of request a server leaves unanswered three times is sent no more, and the run says how many it held back. */
class UnansweredCasesTest {

    private static final Operation READ = Preset.PARTOO.spec().operations().get(0);

    private static RequestCase generated(int number) {
        return new RequestCase(READ, RequestCase.Kind.GENERATED, "generated #" + number, "GET", Map.of(), Map.of(),
                Map.of(), Map.of(), RequestCase.Credential.VALID, null);
    }

    private static Exchange silence(RequestCase requestCase) {
        return new Exchange(requestCase, null, RecordedResponse.none("no answer within 1000 ms"), 1000);
    }

    @Test
    void aServerThatAnswersNothingCostsTheTimeoutThreeTimesNotOncePerGeneratedRequest() {
        UnansweredCases unanswered = new UnansweredCases();
        int sent = 0;
        for (int number = 1; number <= 8; number++) {
            RequestCase requestCase = generated(number);
            if (unanswered.allows(requestCase)) {
                sent++;
                unanswered.record(silence(requestCase));
            }
        }
        assertEquals(UnansweredCases.LIMIT, sent);
        assertEquals(List.of("the server left 3 requests of the kind 'GENERATED generated #n' unanswered within 1000 ms "
                + "(each failed its check); 5 more of that kind were not sent"), unanswered.notes(1000));
    }

    @Test
    void anAnsweredKindIsAlwaysSent() {
        UnansweredCases unanswered = new UnansweredCases();
        for (int number = 1; number <= 5; number++) {
            assertTrue(unanswered.allows(generated(number)));
            // Answered, and recorded as every exchange is: an answer is no silence (a mutant counting it as one
            // survived, since this test recorded nothing).
            unanswered.record(new Exchange(generated(number), null,
                    new RecordedResponse(200, "application/json", null, "{}", "{}", Map.of(), null), 3));
        }
        assertTrue(unanswered.notes(1000).isEmpty());
        assertFalse(UnansweredCases.kind(generated(1)).contains("1"));
    }
}
