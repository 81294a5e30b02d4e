package com.myagents.connectors.vault;

import java.time.Instant;

/** A platform's access token and the identity it posts as (e.g. {@code urn:li:organization:7}). */
public record PlatformCredential(String credentialRef, String platform, String postingIdentity, Instant expiresAt,
        String accessToken) implements Credential {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PlatformCredential[" + credentialRef + ", " + platform + ", token=<hidden>]";
    }
}
