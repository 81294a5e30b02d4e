package com.myagents.cp.vault.exchange;

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

/** A customer's exchange setups: create, rotate keys and limits, list, delete. Another customer's ref is "not found". */
@Service
public class ExchangeSetups {

    public record Saved(ExchangeSetupView setup, boolean created) {
    }

    static final String WHAT = "the exchange setup";

    private final Vault vault;
    private final VaultEntries entries;
    private final ExchangeSetupRepository setups;

    public ExchangeSetups(Vault vault, VaultEntries entries, ExchangeSetupRepository setups) {
        this.vault = vault;
        this.entries = entries;
        this.setups = setups;
    }

    @Transactional
    public Saved save(UUID customerId, ExchangeSetupRequest request) {
        ExchangeSetupRequest.Valid valid = request.validate();
        String hint = Hints.of(request.apiKey());
        if (request.credentialRef() == null) {
            VaultEntry entry = vault.store(customerId, SecretKind.EXCHANGE, request.secret(), hint);
            setups.insert(entry.credentialRef(), valid);
            return new Saved(get(customerId, entry.credentialRef()), true);
        }
        VaultEntry existing = entries.find(customerId, request.credentialRef(), SecretKind.EXCHANGE)
                .orElseThrow(() -> ApiProblem.notFound(WHAT));
        vault.replace(existing, request.secret(), hint);
        setups.update(existing.credentialRef(), valid);
        return new Saved(get(customerId, existing.credentialRef()), false);
    }

    @Transactional(readOnly = true)
    public List<ExchangeSetupView> list(UUID customerId) {
        return setups.list(customerId);
    }

    @Transactional(readOnly = true)
    public ExchangeSetupView get(UUID customerId, String credentialRef) {
        return setups.find(customerId, credentialRef).orElseThrow(() -> ApiProblem.notFound(WHAT));
    }

    @Transactional
    public void delete(UUID customerId, String credentialRef) {
        if (!entries.delete(customerId, credentialRef, SecretKind.EXCHANGE)) {
            throw ApiProblem.notFound(WHAT);
        }
    }
}
