package com.myagents.http.door;

import java.time.Duration;

import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

/**
 * The bearer tokens a door gives the people who sign in at it and accepts on every other call:
 * signed as the door, for the door alone (its name is the audience). Roles ride in the token, so a
 * role change takes effect at the next sign-in.
 */
public final class DoorTokens {

    private final Door door;
    private final IdentityTokens tokens;
    private final Duration ttl;

    public DoorTokens(Door door, byte[] key, Duration ttl) {
        this.door = door;
        this.tokens = new IdentityTokens(door.issuer(), key);
        this.ttl = ttl;
    }

    public String issue(Principal principal) {
        if (principal.kind() != door.people()) {
            throw new IllegalArgumentException(door.name() + " issues tokens to " + door.people() + " only");
        }
        return tokens.sign(principal, door.name(), ttl);
    }

    /** @throws com.myagents.http.identity.InvalidTokenException when the token is not one of ours */
    public Principal verify(String token) {
        return tokens.verify(token, door.issuer(), door.name());
    }

    public Duration ttl() {
        return ttl;
    }
}
