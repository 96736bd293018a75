package dev.hookstub.conformance.checks;

/** The server under test could not be reached (refused, reset, timed out); the message names the request. */
public final class ServerUnreachableException extends RuntimeException {

    ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
