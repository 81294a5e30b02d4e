package com.myagents.connectors.hiring;

import java.util.Map;

import com.myagents.connectors.intent.Target;
import com.myagents.connectors.vault.CredentialUnavailable;
import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * Where a hired instance's configuration keeps the ref of the credential a target needs:
 * {@code platform_credentials.<platform>.credential_ref} for a social platform,
 * {@code exchange_credential_ref} for the exchange.
 */
public final class CredentialRefs {

    public static final String CREDENTIAL_REF_MISSING = "credential_ref_missing";

    private CredentialRefs() {
    }

    /** @throws CredentialUnavailable when the configuration names no ref for the target */
    public static String of(HiredAgentChange instance, Target target) {
        Map<String, Object> config = instance.config() == null ? Map.of() : instance.config();
        Object ref = switch (target) {
            case DELTA -> config.get("exchange_credential_ref");
            default -> config.get("platform_credentials") instanceof Map<?, ?> platforms
                    && platforms.get(target.code()) instanceof Map<?, ?> platform ? platform.get("credential_ref") : null;
        };
        if (ref instanceof String text && !text.isBlank()) {
            return text;
        }
        String where = target == Target.DELTA ? "exchange_credential_ref"
                : "platform_credentials." + target.code() + ".credential_ref";
        throw new CredentialUnavailable(CREDENTIAL_REF_MISSING, "hired instance " + instance.hiredInstanceId()
                + " has no " + where + " in its configuration");
    }
}
