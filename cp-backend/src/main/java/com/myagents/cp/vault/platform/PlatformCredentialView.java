package com.myagents.cp.vault.platform;

import java.time.OffsetDateTime;

import com.myagents.cp.vault.CredentialView;

/** A platform credential as the customer sees it: never a token, only its masked hint. */
public record PlatformCredentialView(String credentialRef, String platform, String postingIdentity, String hint,
                                     OffsetDateTime expiresAt, OffsetDateTime createdAt, OffsetDateTime rotatedAt,
                                     OffsetDateTime lastUsedAt) implements CredentialView {
}
