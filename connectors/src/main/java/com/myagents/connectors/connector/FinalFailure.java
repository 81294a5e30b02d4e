package com.myagents.connectors.connector;

/**
 * Why a command fails for good before anything is sent: trying again will not change it. The
 * command's result is failed with {@link #code()} (the results table's failure code) and the message.
 */
public abstract class FinalFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    protected FinalFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
