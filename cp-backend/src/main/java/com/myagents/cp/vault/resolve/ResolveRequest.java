package com.myagents.cp.vault.resolve;

/** {@code POST /internal/vault/resolve}: one secret, for one customer's execution, for one purpose. */
public record ResolveRequest(String credentialRef, String customerId, String purpose, String correlationId) {
}
