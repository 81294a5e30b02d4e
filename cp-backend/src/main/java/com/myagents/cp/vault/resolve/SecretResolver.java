package com.myagents.cp.vault.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.myagents.cp.vault.SecretKind;
import com.myagents.cp.vault.UnreadableSecretException;
import com.myagents.cp.vault.Vault;
import com.myagents.cp.vault.VaultEntries;
import com.myagents.cp.vault.VaultEntry;
import com.myagents.cp.vault.exchange.ExchangeSetupRepository;
import com.myagents.cp.vault.exchange.ExchangeSetupView;
import com.myagents.cp.vault.platform.PlatformCredentialRepository;
import com.myagents.cp.vault.platform.PlatformCredentialView;
import com.myagents.cp.vault.resolve.CredentialAccessAudit.Attempt;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

/**
 * The only way a secret leaves the vault: a connector names the ref, the customer it acts for, why,
 * and the execution's correlation id. Every attempt is audited before anything is answered; a secret
 * is handed out only after its audit row is written, and only once per execution and credential (a
 * signed command resolves what it needs once; a replayed request gets 409).
 */
@Service
public record SecretResolver(Vault vault, VaultEntries entries, PlatformCredentialRepository platformCredentials,
                             ExchangeSetupRepository exchangeSetups, CredentialAccessAudit audit) {

    static final String WHAT = "the credential";
    private static final Logger log = LoggerFactory.getLogger(SecretResolver.class);
    /** A word for the audit and the log, e.g. {@code publish} or {@code place_order}; never free text. */
    private static final Pattern PURPOSE = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");

    /** Records an attempt that was refused before its request could be read. */
    public void refuse(Attempt attempt) {
        audit.record(attempt, vault.now());
    }

    /** @return a {@link ResolvedPlatformCredential} or a {@link ResolvedExchangeSetup} */
    public Object resolve(String caller, ResolveRequest request) {
        Attempt attempt = new Attempt(caller, request.credentialRef(), request.customerId(), request.purpose(),
                request.correlationId(), AccessOutcome.RESOLVED);
        List<Violation> violations = violations(request);
        if (!violations.isEmpty()) {
            refuse(attempt, AccessOutcome.INVALID_REQUEST);
            throw ApiProblem.badRequest(violations);
        }
        if (audit.resolvedBefore(request.correlationId(), request.credentialRef())) {
            refuse(attempt, AccessOutcome.REPLAYED);
            throw ApiProblem.conflict("execution " + request.correlationId() + " has already resolved this credential;"
                    + " a command resolves each credential once");
        }
        UUID customerId = UUID.fromString(request.customerId());
        Optional<VaultEntry> entry = entries.find(customerId, request.credentialRef());
        Optional<Object> resolved;
        try {
            resolved = entry.flatMap(this::open);
        } catch (UnreadableSecretException e) {
            log.error("resolve by {} for execution {}: {}", caller, request.correlationId(), e.getMessage());
            refuse(attempt, AccessOutcome.UNREADABLE);
            throw new ApiProblem(500, "credential-unreadable", "Internal Server Error",
                    "the credential cannot be decrypted; it has to be stored again", Map.of());
        }
        if (resolved.isEmpty()) {
            refuse(attempt, AccessOutcome.NOT_FOUND);
            throw ApiProblem.notFound(WHAT);
        }
        audit.record(attempt, vault.now());
        entries.markUsed(request.credentialRef(), vault.now());
        log.info("resolved {} for {} (purpose {}, execution {})", request.credentialRef(), caller,
                request.purpose(), request.correlationId());
        return resolved.get();
    }

    private void refuse(Attempt attempt, AccessOutcome outcome) {
        refuse(new Attempt(attempt.caller(), attempt.credentialRef(), attempt.customerId(), attempt.purpose(),
                attempt.correlationId(), outcome));
    }

    private Optional<Object> open(VaultEntry entry) {
        String customerId = entry.customerId().toString();
        if (entry.kind() == SecretKind.PLATFORM) {
            Optional<PlatformCredentialView> view = platformCredentials.find(entry.customerId(), entry.credentialRef());
            return view.map(found -> {
                Map<String, String> secret = vault.reveal(entry);
                return new ResolvedPlatformCredential(entry.kind().dbValue(), found.credentialRef(), customerId,
                        found.platform(), found.postingIdentity(), found.expiresAt(), secret.get("access_token"),
                        secret.get("refresh_token"));
            });
        }
        Optional<ExchangeSetupView> view = exchangeSetups.find(entry.customerId(), entry.credentialRef());
        return view.map(found -> {
            Map<String, String> secret = vault.reveal(entry);
            return new ResolvedExchangeSetup(entry.kind().dbValue(), found.credentialRef(), customerId,
                    found.exchangeProvider(), found.defaultCoin(), found.allowedCoins(), found.maxUnitsPerOrder(),
                    found.maxNotionalInr(), secret.get("api_key"), secret.get("api_secret"));
        });
    }

    private static List<Violation> violations(ResolveRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.credentialRef() == null || request.credentialRef().isBlank()) {
            violations.add(new Violation("/credential_ref", "must not be blank"));
        }
        if (!isUuid(request.customerId())) {
            violations.add(new Violation("/customer_id", "must be the customer's id (a UUID)"));
        }
        if (request.purpose() == null || !PURPOSE.matcher(request.purpose()).matches()) {
            violations.add(new Violation("/purpose",
                    "must say what the secret is for in one word of up to 100 characters (e.g. publish)"));
        }
        if (!CorrelationIdFilter.wellFormed(request.correlationId())) {
            violations.add(new Violation("/correlation_id", "must be the execution's correlation id"));
        }
        return violations;
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
