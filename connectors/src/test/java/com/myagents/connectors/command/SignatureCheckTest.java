package com.myagents.connectors.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.execution.signing.CommandSigner;

class SignatureCheckTest {

    Connectors connectors;
    String instance;

    @BeforeEach
    void givenLiveConnectorsWithEverythingInPlace() {
        connectors = Connectors.live();
        instance = UUID.randomUUID().toString();
        connectors.marketingInstance(instance, Map.of("x", "cref_x_sig"));
        connectors.platforms.vaultHasPlatformCredential("cref_x_sig", Commands.CUSTOMER_ID, "x", null, "t", null);
        connectors.platforms.xAccepts("1");
    }

    @Test
    void refusesAnUnsignedCommandAndRecordsASignatureInvalidDenial() {
        ExecutionCommand unsigned = Commands.unsigned(instance, "publish", Commands.xPost("sneaky"));
        ConsumerRecord<String, byte[]> record = Commands.record(unsigned);

        Publication publication = connectors.handler.handle(record);

        EnforcementDenial denial = publication.denial().orElseThrow();
        assertThat(denial.reason()).isEqualTo(ReasonCode.SIGNATURE_INVALID);
        assertThat(denial.correlationId()).isEqualTo(unsigned.correlationId());
        assertThat(denial.subscriptionId()).isEqualTo(unsigned.subscriptionId());
        assertThat(denial.deliverableId()).isEqualTo(unsigned.deliverableId());
        assertThat(denial.detail()).contains("carries no enforcement signature", "nothing was performed");
        assertThat(denial.inputs()).containsEntry("signature_present", false)
                .containsEntry("command_id", unsigned.commandId());
        assertThat(denial.policyVersion()).isEqualTo(Refusals.POLICY_VERSION);
        ExecutionResult failed = publication.result().orElseThrow();
        assertThat(failed.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(failed.detail()).startsWith("signature_invalid: ");
        assertThat(failed.commandId()).as("never the genuine command's id").startsWith("refused:");
        assertThat(publication.events()).extracting(e -> e.topic().name())
                .containsExactly(Topics.ENFORCEMENT_DENIALS.name(), Topics.EXECUTION_RESULTS.name());
        assertNothingHappened(unsigned);
    }

    @Test
    void refusesACommandTamperedWithAfterSigning() {
        ExecutionCommand signed = Commands.signed(instance, "publish", Commands.xPost("approved text"));
        ExecutionCommand tampered = Commands.withPayload(signed, Commands.xPost("something else entirely"));
        ConsumerRecord<String, byte[]> record = Commands.record(tampered);

        Publication publication = connectors.handler.handle(record);
        Publication redelivered = connectors.handler.handle(record);

        assertThat(publication.denial().orElseThrow().detail()).contains("does not verify");
        assertThat(publication.denial().orElseThrow().inputs()).containsEntry("signature_present", true);
        assertThat(redelivered.denial().orElseThrow().denialId()).isEqualTo(publication.denial().orElseThrow().denialId());
        assertThat(redelivered.result().orElseThrow().resultId()).isEqualTo(publication.result().orElseThrow().resultId());
        assertNothingHappened(tampered);
    }

    @Test
    void refusesACommandSignedWithAnotherKeyAndARecordThatIsNoCommand() {
        ExecutionCommand foreign = new CommandSigner(Commands.randomKey())
                .sign(Commands.unsigned(instance, "publish", Commands.xPost("forged")));
        ConsumerRecord<String, byte[]> garbage = Commands.record("k", "{not json".getBytes(StandardCharsets.UTF_8));

        Publication forged = connectors.handler.handle(Commands.record(foreign));
        Publication unreadable = connectors.handler.handle(garbage);

        assertThat(forged.denial().orElseThrow().reason()).isEqualTo(ReasonCode.SIGNATURE_INVALID);
        EnforcementDenial denial = unreadable.denial().orElseThrow();
        assertThat(denial.reason()).isEqualTo(ReasonCode.SIGNATURE_INVALID);
        assertThat(denial.correlationId()).startsWith("refused-");
        assertThat(denial.detail()).contains("is not a readable execution command");
        assertThat(unreadable.result().orElseThrow().deliverableId()).isNull();
        assertNothingHappened(foreign);
    }

    @Test
    void aSignedCommandWithoutItsIdsIsFailedNotPerformed() {
        ExecutionCommand noKey = Commands.SIGNER.sign(new ExecutionCommand(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), null, "d-1", "s-1", Commands.CUSTOMER_ID, instance, "publish", "a-1", null,
                Commands.xPost("no key"), null, null));

        Publication publication = connectors.handler.handle(Commands.record(noKey));

        assertThat(publication.denial()).isEmpty();
        assertThat(publication.result().orElseThrow().detail()).startsWith("malformed_command: ");
        assertThat(connectors.platforms.xPosts()).isEmpty();
    }

    private void assertNothingHappened(ExecutionCommand command) {
        assertThat(connectors.platforms.allRequests()).as("no vault call, no post").isEmpty();
        assertThat(connectors.actions.find(command.idempotencyKey())).isEmpty();
    }
}
