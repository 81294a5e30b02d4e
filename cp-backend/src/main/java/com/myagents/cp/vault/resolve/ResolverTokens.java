package com.myagents.cp.vault.resolve;

import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;

/**
 * The connectors' service tokens for the resolve endpoint: HS256, issuer {@value #ISSUER}, audience
 * {@value #AUDIENCE}, kind SERVICE, signed with {@code myagents.vault.resolver-key}. Without that key
 * nothing verifies, so nothing resolves. Customer tokens fail on key, issuer, audience and kind alike.
 */
public final class ResolverTokens {

    public static final String ISSUER = "connector";
    public static final String AUDIENCE = "cp-vault";
    private static final String BEARER = "Bearer ";

    private final IdentityTokens verifier;

    private ResolverTokens(IdentityTokens verifier) {
        this.verifier = verifier;
    }

    /** @param base64Key blank disables resolving */
    public static ResolverTokens fromKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return new ResolverTokens(null);
        }
        return new ResolverTokens(new IdentityTokens(ISSUER, Keys.decode(base64Key.strip())));
    }

    public boolean enabled() {
        return verifier != null;
    }

    /** @throws InvalidTokenException unless the header carries a valid connector service token */
    public Principal verify(String authorizationHeader) {
        if (verifier == null) {
            throw new InvalidTokenException("resolving is disabled: myagents.vault.resolver-key is not set");
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidTokenException("a bearer token is required");
        }
        Principal caller = verifier.verify(authorizationHeader.substring(BEARER.length()), ISSUER, AUDIENCE);
        if (caller.kind() != Principal.Kind.SERVICE) {
            throw new InvalidTokenException("the token is not a service's");
        }
        return caller;
    }
}
