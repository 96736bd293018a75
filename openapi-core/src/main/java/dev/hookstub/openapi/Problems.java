package dev.hookstub.openapi;

import java.io.CharConversionException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import javax.net.ssl.SSLException;

/**
 * Says in plain words why an I/O operation failed. The JDK's exceptions often carry no message at all (a refused
 * connection is a {@code ConnectException} with a null message), or one written for a Java programmer; a user of the
 * command needs "connection refused".
 */
public final class Problems {

    private Problems() {
    }

    public static String describe(Throwable failure) {
        // Java's HTTP client wraps a name it cannot look up in a ConnectException without a message: the deeper
        // cause says what is wrong, and "connection refused" would send the reader to look for a server.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return known(cause);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String known = known(cause);
            if (known != null) {
                return known;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage().lines().findFirst().orElse("").trim();
            }
        }
        return "failed (" + failure.getClass().getSimpleName() + ")";
    }

    private static String known(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "unknown host" + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (cause instanceof ConnectException) {
            return cause.getMessage() == null || cause.getMessage().isBlank()
                    || cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused")
                    ? "connection refused" : cause.getMessage();
        }
        if (cause instanceof SSLException) {
            return "TLS failed: " + (cause.getMessage() == null ? "handshake error" : cause.getMessage());
        }
        if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
            return "no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (cause instanceof CharConversionException || cause instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (cause instanceof java.io.EOFException || "Connection reset".equals(cause.getMessage())) {
            return "the connection was closed before a complete answer";
        }
        return null;
    }
}
