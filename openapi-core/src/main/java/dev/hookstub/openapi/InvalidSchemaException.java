package dev.hookstub.openapi;

/**
 * A schema of the document that its dialect does not allow (a draft-4 {@code exclusiveMinimum: true} in an OpenAPI
 * 3.1 document, say): nothing can be validated against it. The message names where it is and what is wrong, as a
 * finding about the document rather than a failure of the tool reading it.
 */
public final class InvalidSchemaException extends RuntimeException {

    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
