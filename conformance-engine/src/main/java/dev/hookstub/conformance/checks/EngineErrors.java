package dev.hookstub.conformance.checks;

/**
 * Why an operation has no verdict, as one line for a report: a problem of the document (named as such, with where it
 * is), or an internal error of the engine (what failed and where in the engine, so it can be reported as a bug).
 */
final class EngineErrors {

    private EngineErrors() {
    }

    /** An operation the document itself keeps from being checked (a schema its dialect does not allow). */
    static final String DOCUMENT_PROBLEM = "the document cannot be checked here: ";

    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof dev.hookstub.openapi.InvalidSchemaException invalid) {
                return DOCUMENT_PROBLEM + invalid.getMessage();
            }
        }
        StringBuilder text = new StringBuilder("the engine could not check this operation: ")
                .append(error.getClass().getSimpleName());
        if (error.getMessage() != null && !error.getMessage().isBlank()) {
            text.append(": ").append(error.getMessage().lines().findFirst().orElse(""));
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.hookstub.")) {
                text.append(" (at ").append(frame.getFileName()).append(':').append(frame.getLineNumber()).append(')');
                break;
            }
        }
        return text.toString();
    }
}
