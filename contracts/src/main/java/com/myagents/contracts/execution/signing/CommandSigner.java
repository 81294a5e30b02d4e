package com.myagents.contracts.execution.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.myagents.contracts.execution.ExecutionCommand;

/**
 * Signs execution commands so that a connector acts only on what enforcement allowed (a
 * signature, not a topic name, proves it). HMAC-SHA256 over {@link CanonicalCommand#bytes}; the
 * signature reads {@code hmac-sha256:<base64url>}. Enforcement signs; connectors call {@link #verify}
 * with the same key ({@code myagents.enforcement.command-signing-key}). It lives in the contracts so
 * that both sides share one definition of the signed bytes.
 */
public final class CommandSigner {

    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "hmac-sha256:";

    private final SecretKeySpec key;

    public CommandSigner(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the command signing key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The signer for a base64 key, as configured in {@code myagents.enforcement.command-signing-key}. */
    public static CommandSigner fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("no command signing key configured (myagents.enforcement.command-signing-key)");
        }
        try {
            return new CommandSigner(Base64.getDecoder().decode(base64Key.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the command signing key is not valid base64 of at least "
                    + MIN_KEY_BYTES + " bytes", e);
        }
    }

    /** The same command carrying its signature. */
    public ExecutionCommand sign(ExecutionCommand command) {
        return new ExecutionCommand(command.commandId(), command.correlationId(), command.decisionId(),
                command.deliverableId(), command.subscriptionId(), command.customerId(), command.hiredInstanceId(),
                command.action(), command.approvalId(), command.idempotencyKey(), command.payload(),
                command.issuedAt(), signature(command), command.mode(), command.platformKey(), command.manual());
    }

    /** True only when the command carries a signature this key made over exactly its content. */
    public boolean verify(ExecutionCommand command) {
        if (command == null || command.signature() == null || !command.signature().startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = signature(command).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = command.signature().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private String signature(ExecutionCommand command) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(CanonicalCommand.bytes(command));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
