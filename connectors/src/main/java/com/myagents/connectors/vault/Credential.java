package com.myagents.connectors.vault;

/** A secret resolved from CP's vault for one execution. Implementations never print their secrets. */
public sealed interface Credential permits PlatformCredential, ExchangeCredential {

    String credentialRef();
}
