package com.myagents.http.door;

import java.time.Duration;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

/**
 * A door vouching to the gateway, for one short minute, for a person (and roles) it has verified.
 * The assertion for a person is reused for a few seconds ({@link IdentityTokens#signReused}), so the
 * gateway verifies it once rather than on every call.
 */
public final class ServiceAssertions {

    public static final Duration TTL = Duration.ofSeconds(60);

    private final IdentityTokens signer;

    public ServiceAssertions(String issuer, byte[] serviceKey) {
        this.signer = new IdentityTokens(issuer, serviceKey);
    }

    public String bearerFor(Principal person) {
        return "Bearer " + signer.signReused(person, Hops.GATEWAY_AUDIENCE, TTL);
    }
}
