package com.myagents.cp.vault;

import java.util.List;
import java.util.UUID;

import org.springframework.transaction.annotation.Transactional;

import com.myagents.http.problem.ApiProblem;

/**
 * A customer's credentials of one kind: create, rotate, list, delete. The secret goes into the vault,
 * the descriptors into the kind's own table, in one transaction. Another customer's ref is "not found".
 *
 * @param <R> the kind's request
 * @param <D> its descriptors as stored
 * @param <V> a credential of the kind as the customer sees it
 */
public abstract class CustomerCredentials<R extends CredentialRequest<D>, D, V extends CredentialView> {

    /** What a save did: the credential as now stored, and whether it is new. */
    public record Saved<V>(V credential, boolean created) {
    }

    private final Vault vault;
    private final CredentialDescriptors<D, V> descriptors;

    protected CustomerCredentials(Vault vault, CredentialDescriptors<D, V> descriptors) {
        this.vault = vault;
        this.descriptors = descriptors;
    }

    /** A kind's own rule for replacing an existing credential; it throws a problem to refuse. */
    protected void checkReplacement(UUID customerId, String credentialRef, D replacement) {
    }

    @Transactional
    public Saved<V> save(UUID customerId, R request) {
        D valid = request.validate();
        String hint = Hints.of(request.hinted());
        if (request.credentialRef() == null) {
            VaultEntry entry = vault.store(customerId, descriptors.kind(), request.secret(), hint);
            descriptors.insert(entry.credentialRef(), valid);
            return new Saved<>(get(customerId, entry.credentialRef()), true);
        }
        VaultEntry existing = vault.find(customerId, request.credentialRef(), descriptors.kind())
                .orElseThrow(this::notFound);
        checkReplacement(customerId, existing.credentialRef(), valid);
        vault.replace(existing, request.secret(), hint);
        descriptors.update(existing.credentialRef(), valid);
        return new Saved<>(get(customerId, existing.credentialRef()), false);
    }

    @Transactional(readOnly = true)
    public List<V> list(UUID customerId) {
        return descriptors.list(customerId);
    }

    @Transactional(readOnly = true)
    public V get(UUID customerId, String credentialRef) {
        return descriptors.find(customerId, credentialRef).orElseThrow(this::notFound);
    }

    @Transactional
    public void delete(UUID customerId, String credentialRef) {
        if (!vault.delete(customerId, credentialRef, descriptors.kind())) {
            throw notFound();
        }
    }

    private ApiProblem notFound() {
        return ApiProblem.notFound(descriptors.kind().what());
    }
}
