package com.myagents.pp.operators;

import java.util.Set;
import java.util.UUID;

import com.myagents.http.door.SignInController;
import com.myagents.http.identity.Principal;

/** An operator as stored; {@code roles} are role ids ({@link OperatorRole#id()}). */
public record Operator(UUID operatorId, String email, String passwordHash, String displayName, Set<String> roles)
        implements SignInController.Account {

    public Operator {
        roles = Set.copyOf(roles);
    }

    /** Who the operator is on every hop, with their roles (a role change counts from the next sign-in). */
    @Override
    public Principal principal() {
        return new Principal(operatorId.toString(), Principal.Kind.OPERATOR, email, roles);
    }
}
