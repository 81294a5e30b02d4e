package com.myagents.pp.auth;

import java.util.List;

import com.myagents.pp.operators.Operator;

/** What the PP app may know about the signed-in operator. */
public record OperatorView(String operatorId, String email, String displayName, List<String> roles) {

    static OperatorView of(Operator operator) {
        return new OperatorView(operator.operatorId().toString(), operator.email(), operator.displayName(),
                operator.roles().stream().sorted().toList());
    }
}
