package com.myagents.pp.auth;

import java.time.Duration;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.pp.operators.Operator;

/**
 * The bearer tokens pp-backend gives operators at login and accepts on every other call. Roles ride
 * in the token, so a role change takes effect at the operator's next sign-in.
 */
public final class OperatorTokens {

    public static final String AUDIENCE = "pp";

    private final IdentityTokens tokens;
    private final Duration ttl;

    public OperatorTokens(byte[] key, Duration ttl) {
        this.tokens = new IdentityTokens(Hops.PP_ISSUER, key);
        this.ttl = ttl;
    }

    public String issue(Operator operator) {
        Principal principal = new Principal(operator.operatorId().toString(), Principal.Kind.OPERATOR,
                operator.email(), operator.roles());
        return tokens.sign(principal, AUDIENCE, ttl);
    }

    /** @throws com.myagents.http.identity.InvalidTokenException when the token is not one of ours */
    public Principal verify(String token) {
        return tokens.verify(token, Hops.PP_ISSUER, AUDIENCE);
    }

    public Duration ttl() {
        return ttl;
    }
}
