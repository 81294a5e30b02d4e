package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Outcome {
    ALLOW, DENY;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
