package com.myagents.cp.vault.platform;

import java.util.UUID;

import org.springframework.stereotype.Service;

import com.myagents.cp.vault.CustomerCredentials;
import com.myagents.cp.vault.Vault;
import com.myagents.http.problem.ApiProblem;

/** A customer's platform credentials: create, rotate, list, delete. Another customer's ref is "not found". */
@Service
public class PlatformCredentials
        extends CustomerCredentials<PlatformCredentialRequest, PlatformCredentialRequest, PlatformCredentialView> {

    public PlatformCredentials(Vault vault, PlatformCredentialRepository credentials) {
        super(vault, credentials);
    }

    /** New tokens for the same platform only: a credential's platform is what agents were configured with. */
    @Override
    protected void checkReplacement(UUID customerId, String credentialRef, PlatformCredentialRequest replacement) {
        PlatformCredentialView before = get(customerId, credentialRef);
        if (!before.platform().equals(replacement.platform())) {
            throw ApiProblem.badRequest("/platform", "a credential's platform cannot change (it is "
                    + before.platform() + "); create a new credential instead");
        }
    }
}
