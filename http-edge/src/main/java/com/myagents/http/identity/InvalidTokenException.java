package com.myagents.http.identity;

/** A token that must not be trusted; the message says why (for logs, not for callers). */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
