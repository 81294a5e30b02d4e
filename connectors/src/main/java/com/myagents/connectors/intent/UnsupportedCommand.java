package com.myagents.connectors.intent;

import com.myagents.connectors.connector.FinalFailure;

/**
 * A correctly signed command that no connector can perform as it stands (a payload without an
 * order's fields, a platform without a client): it fails, with {@code code} saying why.
 */
public class UnsupportedCommand extends FinalFailure {

    private static final long serialVersionUID = 1L;

    public UnsupportedCommand(String code, String message) {
        super(code, message);
    }
}
