package com.myagents.cp.vault;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One stored secret and its bookkeeping; the secret itself only as a {@link SealedSecret}. */
public record VaultEntry(String credentialRef, UUID customerId, SecretKind kind, String hint, SealedSecret sealed,
                         OffsetDateTime createdAt, OffsetDateTime rotatedAt, OffsetDateTime lastUsedAt) {

    public SecretOwner owner() {
        return new SecretOwner(customerId, credentialRef);
    }
}
