package dev.hookstub.server.proxy;

import java.io.IOException;

/** The upstream answered with something that is not HTTP as the proxy reads it (a head too large, bad chunks...). */
final class UnreadableAnswerException extends IOException {

    UnreadableAnswerException(String reason) {
        super(reason);
    }
}
