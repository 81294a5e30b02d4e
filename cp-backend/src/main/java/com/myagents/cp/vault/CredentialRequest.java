package com.myagents.cp.vault;

import java.util.Map;

/**
 * A {@code PUT} of one kind of credential: the secrets to seal, the descriptors stored beside them,
 * and with {@code credential_ref} the credential it replaces.
 *
 * @param <D> the descriptors as the kind's table stores them
 */
public interface CredentialRequest<D> {

    /** The credential to replace; null for a new one. */
    String credentialRef();

    /** The descriptors as stored, after every field is checked: a 400 names each bad one. */
    D validate();

    /** What is sealed, and nothing else. */
    Map<String, String> secret();

    /** The secret the customer recognises the credential by: its hint is made from this. */
    String hinted();
}
