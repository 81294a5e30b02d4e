package com.myagents.cp.auth;

import java.time.Duration;
import java.util.Set;

import com.myagents.cp.customers.Customer;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

/** The bearer tokens cp-backend gives customers at login and accepts on every other call. */
public final class CustomerTokens {

    public static final String AUDIENCE = "cp";

    private final IdentityTokens tokens;
    private final Duration ttl;

    public CustomerTokens(byte[] key, Duration ttl) {
        this.tokens = new IdentityTokens(Hops.CP_ISSUER, key);
        this.ttl = ttl;
    }

    public String issue(Customer customer) {
        Principal principal = new Principal(customer.customerId().toString(), Principal.Kind.CUSTOMER,
                customer.email(), Set.of(), customer.displayName());
        return tokens.sign(principal, AUDIENCE, ttl);
    }

    /** @throws com.myagents.http.identity.InvalidTokenException when the token is not one of ours */
    public Principal verify(String token) {
        return tokens.verify(token, Hops.CP_ISSUER, AUDIENCE);
    }

    public Duration ttl() {
        return ttl;
    }
}
