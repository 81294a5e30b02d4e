package com.myagents.cp.proxy;

import java.time.Duration;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

/** cp-backend vouching to the gateway, for one short minute, for a customer it has verified. */
public final class ServiceAssertions {

    public static final Duration TTL = Duration.ofSeconds(60);

    private final IdentityTokens signer;

    public ServiceAssertions(byte[] serviceKey) {
        this.signer = new IdentityTokens(Hops.CP_ISSUER, serviceKey);
    }

    public String bearerFor(Principal customer) {
        return "Bearer " + signer.sign(customer, Hops.GATEWAY_AUDIENCE, TTL);
    }
}
