package com.myagents.pp.proxy;

import java.time.Duration;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

/** pp-backend vouching to the gateway, for one short minute, for an operator (and roles) it has verified. */
public final class ServiceAssertions {

    public static final Duration TTL = Duration.ofSeconds(60);

    private final IdentityTokens signer;

    public ServiceAssertions(byte[] serviceKey) {
        this.signer = new IdentityTokens(Hops.PP_ISSUER, serviceKey);
    }

    public String bearerFor(Principal operator) {
        return "Bearer " + signer.sign(operator, Hops.GATEWAY_AUDIENCE, TTL);
    }
}
