package com.myagents.connectors.vault;

import java.time.Duration;
import java.util.Objects;

import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.hiring.CredentialRefs;
import com.myagents.connectors.hiring.HiredInstanceTable;
import com.myagents.connectors.intent.Target;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * The credential a live command needs: the ref from its hired instance's configuration, the
 * secret from CP's vault (for this customer, for this action, under this correlation id).
 */
public record CredentialLookup(HiredInstanceTable instances, VaultClient vault, Duration catalogWait) {

    public static final String HIRED_INSTANCE_UNKNOWN = "hired_instance_unknown";
    public static final String CREDENTIAL_MISMATCH = "credential_mismatch";

    /**
     * @throws CredentialUnavailable when there is no credential to be had for this command
     * @throws RetryLater            when the vault or the hired-instances table is not available yet
     */
    public Credential resolve(ExecutionCommand command, Target target) {
        if (!instances.awaitCaughtUp(catalogWait)) {
            throw new RetryLater("the hired-instances table is not loaded yet", true, null);
        }
        HiredAgentChange instance = instances.find(command.hiredInstanceId()).orElseThrow(() ->
                new CredentialUnavailable(HIRED_INSTANCE_UNKNOWN, "hired instance " + command.hiredInstanceId()
                        + " is unknown to the connectors, so no credential can be chosen"));
        if (!Objects.equals(instance.customerId(), command.customerId())) {
            throw new CredentialUnavailable(HIRED_INSTANCE_UNKNOWN, "hired instance " + command.hiredInstanceId()
                    + " is not customer " + command.customerId() + "'s");
        }
        String ref = CredentialRefs.of(instance, target);
        Credential credential;
        try {
            credential = vault.resolve(target.code(), ref, command.customerId(), command.action(),
                    command.correlationId());
        } catch (VaultUnavailable e) {
            throw new RetryLater(e.getMessage(), true, e);
        }
        boolean fits = target == Target.DELTA ? credential instanceof ExchangeCredential
                : credential instanceof PlatformCredential platform && target.code().equals(platform.platform());
        if (!fits) {
            throw new CredentialUnavailable(CREDENTIAL_MISMATCH, "credential " + ref + " is not a " + target.code()
                    + " credential");
        }
        return credential;
    }
}
