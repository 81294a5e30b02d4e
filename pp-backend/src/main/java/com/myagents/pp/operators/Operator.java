package com.myagents.pp.operators;

import java.util.Set;
import java.util.UUID;

/** An operator as stored; {@code roles} are role ids ({@link OperatorRole#id()}). */
public record Operator(UUID operatorId, String email, String passwordHash, String displayName, Set<String> roles) {

    public Operator {
        roles = Set.copyOf(roles);
    }
}
