package dev.hookstub.server.proxy;

import dev.hookstub.server.journal.SpecViolation;
import java.util.List;
import java.util.logging.Logger;

/**
 * One log line per violation the proxy finds, credentials masked as the journal masks them:
 * {@code partoo GET /partoo/v2/webhooks/1 -> 200: response response_schema_conformance at /url: ...}; and one per
 * record written to the fixtures that breaks the spec.
 */
final class ViolationLog {

    private static final Logger LOG = Logger.getLogger(ViolationLog.class.getName());

    private ViolationLog() {
    }

    static void exchange(String api, String method, String target, int status, List<SpecViolation> violations) {
        for (SpecViolation violation : violations) {
            LOG.warning(() -> api + " " + method + " " + target + " -> " + (status == 0 ? "no answer" : status) + ": "
                    + violation);
        }
    }

    static void record(String api, String id, List<SpecViolation> violations) {
        LOG.warning(() -> api + " record " + id + " written to the fixtures as the upstream answered it, though it "
                + "breaks the spec: " + violations.get(0) + (violations.size() > 1 ? " (+" + (violations.size() - 1)
                + " more)" : ""));
    }
}
