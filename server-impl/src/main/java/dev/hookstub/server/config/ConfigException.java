package dev.hookstub.server.config;

/** A configuration the stub cannot start with; its message is meant for the person who wrote it. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
