package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The external side effects the platform knows. Anything else is denied as {@code unknown_action}. */
public enum Action {
    PUBLISH("publish"),
    POST("post"),
    SEND("send"),
    PLACE_ORDER("place_order"),
    CLOSE_POSITION("close_position");

    private final String code;

    Action(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The action with this wire code, or {@code null} when the code is not one we know. */
    @JsonCreator
    public static Action fromCode(String code) {
        for (Action action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        return null;
    }
}
