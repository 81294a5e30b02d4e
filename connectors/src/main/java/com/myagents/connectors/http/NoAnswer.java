package com.myagents.connectors.http;

/**
 * The request may have arrived but no complete answer came back (timeout, connection reset):
 * whether the other end acted is unknown.
 */
public class NoAnswer extends RuntimeException {

    public NoAnswer(String message, Throwable cause) {
        super(message, cause);
    }
}
