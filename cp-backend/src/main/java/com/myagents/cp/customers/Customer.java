package com.myagents.cp.customers;

import java.util.Set;
import java.util.UUID;

import com.myagents.http.door.SignInController;
import com.myagents.http.identity.Principal;

/** A customer as stored: the password hash never leaves this package's callers' login check. */
public record Customer(UUID customerId, String email, String passwordHash, String displayName)
        implements SignInController.Account {

    /** Who the customer is on every hop: id, email and the name the product greets them by. */
    @Override
    public Principal principal() {
        return new Principal(customerId.toString(), Principal.Kind.CUSTOMER, email, Set.of(), displayName);
    }
}
