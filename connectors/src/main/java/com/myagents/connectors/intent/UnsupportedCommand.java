package com.myagents.connectors.intent;

/**
 * A correctly signed command that no connector can perform as it stands (a payload without an
 * order's fields, a platform without a client): it fails, with {@code code} saying why.
 */
public class UnsupportedCommand extends RuntimeException {

    private final String code;

    public UnsupportedCommand(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
