package com.myagents.cp.vault.platform;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.myagents.cp.vault.Hints;
import com.myagents.cp.vault.SecretKind;
import com.myagents.cp.vault.Vault;
import com.myagents.cp.vault.VaultEntries;
import com.myagents.cp.vault.VaultEntry;
import com.myagents.http.problem.ApiProblem;

/** A customer's platform credentials: create, rotate, list, delete. Another customer's ref is "not found". */
@Service
public class PlatformCredentials {

    public record Saved(PlatformCredentialView credential, boolean created) {
    }

    static final String WHAT = "the platform credential";

    private final Vault vault;
    private final VaultEntries entries;
    private final PlatformCredentialRepository credentials;

    public PlatformCredentials(Vault vault, VaultEntries entries, PlatformCredentialRepository credentials) {
        this.vault = vault;
        this.entries = entries;
        this.credentials = credentials;
    }

    @Transactional
    public Saved save(UUID customerId, PlatformCredentialRequest request) {
        request.validate();
        String hint = Hints.of(request.accessToken());
        if (request.credentialRef() == null) {
            VaultEntry entry = vault.store(customerId, SecretKind.PLATFORM, request.secret(), hint);
            credentials.insert(entry.credentialRef(), request);
            return new Saved(get(customerId, entry.credentialRef()), true);
        }
        VaultEntry existing = entries.find(customerId, request.credentialRef(), SecretKind.PLATFORM)
                .orElseThrow(() -> ApiProblem.notFound(WHAT));
        PlatformCredentialView before = get(customerId, existing.credentialRef());
        if (!before.platform().equals(request.platform())) {
            throw ApiProblem.badRequest("/platform", "a credential's platform cannot change (it is "
                    + before.platform() + "); create a new credential instead");
        }
        vault.replace(existing, request.secret(), hint);
        credentials.update(existing.credentialRef(), request);
        return new Saved(get(customerId, existing.credentialRef()), false);
    }

    @Transactional(readOnly = true)
    public List<PlatformCredentialView> list(UUID customerId) {
        return credentials.list(customerId);
    }

    @Transactional(readOnly = true)
    public PlatformCredentialView get(UUID customerId, String credentialRef) {
        return credentials.find(customerId, credentialRef).orElseThrow(() -> ApiProblem.notFound(WHAT));
    }

    @Transactional
    public void delete(UUID customerId, String credentialRef) {
        if (!entries.delete(customerId, credentialRef, SecretKind.PLATFORM)) {
            throw ApiProblem.notFound(WHAT);
        }
    }
}
