package dev.hookstub.conformance.checks;

/** A case as sent and what came back. */
record Exchange(RequestCase requestCase, RecordedRequest request, RecordedResponse response, long elapsedMillis) {

    int status() {
        return response.status();
    }

    boolean answered() {
        return response.answered();
    }

    boolean succeeded() {
        return answered() && status() >= 200 && status() < 300;
    }
}
