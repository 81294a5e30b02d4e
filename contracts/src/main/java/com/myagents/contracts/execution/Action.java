package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.myagents.contracts.NamedCode;

/** The external side effects the platform knows. Anything else is denied as {@code unknown_action}. */
public enum Action implements NamedCode {
    PUBLISH,
    POST,
    SEND,
    PLACE_ORDER,
    CLOSE_POSITION;

    /** On the wire: the name in lower case ({@code place_order}). */
    @JsonValue
    @Override
    public String code() {
        return NamedCode.super.code();
    }

    /** The action with this wire code, or {@code null} when the code is not one we know. */
    @JsonCreator
    public static Action fromCode(String code) {
        return NamedCode.fromCode(Action.class, code);
    }
}
