package com.myagents.cp.vault.resolve;

import java.time.OffsetDateTime;

/** A platform credential with its tokens, for one execution of a connector. */
public record ResolvedPlatformCredential(String kind, String credentialRef, String customerId, String platform,
                                         String postingIdentity, OffsetDateTime expiresAt, String accessToken,
                                         String refreshToken) {

    @Override
    public String toString() {
        return "ResolvedPlatformCredential[" + credentialRef + ", " + platform + ", tokens=<hidden>]";
    }
}
