package dev.hookstub.server.proxy;

import java.util.concurrent.TimeoutException;

/** The upstream's answer began (its head came) but was not whole within the upstream's timeout. */
final class AnswerUnfinishedException extends TimeoutException {

    AnswerUnfinishedException() {
        super("the answer began but did not finish in time");
    }
}
