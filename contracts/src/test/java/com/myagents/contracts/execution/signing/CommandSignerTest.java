package com.myagents.contracts.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ManualPublication;

class CommandSignerTest {

    private final CommandSigner signer = new CommandSigner(key((byte) 1));

    @Test
    void verifiesACommandItSignedAfterTheTripOverTheTopic() {
        ExecutionCommand signed = signer.sign(command("publish", Map.of("payload_hash", "h1", "nested", Map.of("b", 2, "a", 1))));

        byte[] wire = Topics.EXECUTION_COMMANDS.valueSerde().serializer().serialize(Topics.EXECUTION_COMMANDS.name(), signed);
        ExecutionCommand received = Topics.EXECUTION_COMMANDS.valueSerde().deserializer()
                .deserialize(Topics.EXECUTION_COMMANDS.name(), wire);

        assertThat(signed.signature()).startsWith("hmac-sha256:");
        assertThat(signer.verify(received)).isTrue();
    }

    @Test
    void refusesATamperedCommand() {
        ExecutionCommand signed = signer.sign(command("publish", Map.of("payload_hash", "h1")));

        assertThat(signer.verify(withAction(signed, "place_order"))).isFalse();
        assertThat(signer.verify(withPayload(signed, Map.of("payload_hash", "h2")))).isFalse();
    }

    @Test
    void refusesAnUnsignedCommandAndAForeignSignature() {
        ExecutionCommand unsigned = command("publish", Map.of());
        ExecutionCommand signedElsewhere = new CommandSigner(key((byte) 2)).sign(unsigned);

        assertThat(signer.verify(unsigned)).isFalse();
        assertThat(signer.verify(signedElsewhere)).isFalse();
        assertThat(signer.verify(withSignature(unsigned, "hmac-sha256:AAAA"))).isFalse();
        assertThat(signer.verify(withSignature(unsigned, "ed25519:AAAA"))).isFalse();
        assertThat(signer.verify(null)).isFalse();
    }

    @Test
    void signsTheContentNotTheOrderOfMapEntries() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);

        assertThat(signer.sign(command("post", ab)).signature()).isEqualTo(signer.sign(command("post", ba)).signature());
    }

    @Test
    void coversTheManualMarkSoAConnectorCommandCannotBeTurnedIntoAManualOneOrBack() {
        ExecutionCommand manual = signer.sign(withManual(command("publish", Map.of("platform", "youtube")),
                new ManualPublication("https://youtube.com/post/1")));

        byte[] wire = Topics.EXECUTION_COMMANDS.valueSerde().serializer().serialize(Topics.EXECUTION_COMMANDS.name(), manual);
        ExecutionCommand received = Topics.EXECUTION_COMMANDS.valueSerde().deserializer()
                .deserialize(Topics.EXECUTION_COMMANDS.name(), wire);

        assertThat(received.manual()).isEqualTo(new ManualPublication("https://youtube.com/post/1"));
        assertThat(signer.verify(received)).isTrue();
        assertThat(signer.verify(withManual(manual, null))).isFalse();
        assertThat(signer.verify(withManual(manual, new ManualPublication("https://elsewhere.example/1")))).isFalse();
    }

    @Test
    void refusesKeysThatAreMissingShortOrNotBase64() {
        assertThatThrownBy(() -> CommandSigner.fromBase64("")).hasMessageContaining("no command signing key");
        assertThatThrownBy(() -> CommandSigner.fromBase64(null)).hasMessageContaining("no command signing key");
        assertThatThrownBy(() -> CommandSigner.fromBase64(Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> CommandSigner.fromBase64("not base64 !")).hasMessageContaining("not valid base64");
        assertThat(CommandSigner.fromBase64(Base64.getEncoder().encodeToString(key((byte) 1)))
                .verify(signer.sign(command("send", Map.of())))).isTrue();
    }

    private static ExecutionCommand command(String action, Map<String, Object> payload) {
        return new ExecutionCommand("command-1", "corr-1", "decision-1", "deliverable-1", "sub-1", "customer-1",
                "hired-1", action, "approval-1", "key-1", payload, Instant.parse("2026-11-27T09:00:00.123Z"), null);
    }

    private static ExecutionCommand withAction(ExecutionCommand c, String action) {
        return new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(), c.subscriptionId(),
                c.customerId(), c.hiredInstanceId(), action, c.approvalId(), c.idempotencyKey(), c.payload(), c.issuedAt(),
                c.signature());
    }

    private static ExecutionCommand withPayload(ExecutionCommand c, Map<String, Object> payload) {
        return new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(), c.subscriptionId(),
                c.customerId(), c.hiredInstanceId(), c.action(), c.approvalId(), c.idempotencyKey(), payload, c.issuedAt(),
                c.signature());
    }

    private static ExecutionCommand withManual(ExecutionCommand c, ManualPublication manual) {
        return new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(), c.subscriptionId(),
                c.customerId(), c.hiredInstanceId(), c.action(), c.approvalId(), c.idempotencyKey(), c.payload(), c.issuedAt(),
                c.signature(), manual);
    }

    private static ExecutionCommand withSignature(ExecutionCommand c, String signature) {
        return new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(), c.subscriptionId(),
                c.customerId(), c.hiredInstanceId(), c.action(), c.approvalId(), c.idempotencyKey(), c.payload(), c.issuedAt(),
                signature);
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
