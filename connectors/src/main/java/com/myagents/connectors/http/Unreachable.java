package com.myagents.connectors.http;

/**
 * The request never left: no connection could be made (refused, connect timeout). Nothing
 * happened at the other end, so trying again later is safe.
 */
public class Unreachable extends RuntimeException {

    public Unreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
