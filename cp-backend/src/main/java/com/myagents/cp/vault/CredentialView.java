package com.myagents.cp.vault;

/** A credential as the customer sees it: descriptors and a hint, never a secret. */
public interface CredentialView {

    String credentialRef();
}
