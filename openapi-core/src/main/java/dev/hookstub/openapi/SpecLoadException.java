package dev.hookstub.openapi;

/** A spec that cannot be read or is not OpenAPI 3.0/3.1; the message names the location and the reason. */
public final class SpecLoadException extends RuntimeException {

    public SpecLoadException(String message) {
        super(message);
    }
}
