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
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
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
    void refusesAnUnsignedCommandWithAFailedResultAndWritesNoDenial() {
        ExecutionCommand unsigned = Commands.unsigned(instance, "publish", Commands.xPost("sneaky"));
        ConsumerRecord<String, byte[]> record = Commands.record(unsigned);

        Publication publication = connectors.handler.handle(record);

        ExecutionResult failed = publication.result().orElseThrow();
        assertThat(failed.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(failed.correlationId()).isEqualTo(unsigned.correlationId());
        assertThat(failed.subscriptionId()).isEqualTo(unsigned.subscriptionId());
        assertThat(failed.deliverableId()).isEqualTo(unsigned.deliverableId());
        assertThat(failed.detail()).startsWith("signature_invalid: ")
                .contains("carries no enforcement signature", "nothing was performed", unsigned.commandId());
        assertThat(failed.commandId()).as("never the genuine command's id").startsWith("refused:");
        assertThat(publication.events()).as("only enforcement writes denials").extracting(e -> e.topic().name())
                .containsExactly(Topics.EXECUTION_RESULTS.name());
        assertNothingHappened(unsigned);
    }

    @Test
    void refusesACommandTamperedWithAfterSigning() {
        ExecutionCommand signed = Commands.signed(instance, "publish", Commands.xPost("approved text"));
        ExecutionCommand tampered = Commands.withPayload(signed, Commands.xPost("something else entirely"));
        ConsumerRecord<String, byte[]> record = Commands.record(tampered);

        Publication publication = connectors.handler.handle(record);
        Publication redelivered = connectors.handler.handle(record);

        assertThat(publication.result().orElseThrow().detail()).startsWith("signature_invalid: ").contains("does not verify");
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

        assertThat(forged.result().orElseThrow().detail()).startsWith("signature_invalid: ");
        ExecutionResult refused = unreadable.result().orElseThrow();
        assertThat(refused.correlationId()).startsWith("refused-");
        assertThat(refused.detail()).startsWith("signature_invalid: ").contains("is not a readable execution command");
        assertThat(refused.deliverableId()).isNull();
        assertNothingHappened(foreign);
    }

    @Test
    void aSignedCommandWithoutItsIdsIsFailedNotPerformed() {
        ExecutionCommand noKey = Commands.SIGNER.sign(new ExecutionCommand(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), null, "d-1", "s-1", Commands.CUSTOMER_ID, instance, "publish", "a-1", null,
                Commands.xPost("no key"), null, null));

        Publication publication = connectors.handler.handle(Commands.record(noKey));

        assertThat(publication.result().orElseThrow().detail()).startsWith("malformed_command: ");
        assertThat(connectors.platforms.xPosts()).isEmpty();
    }

    private void assertNothingHappened(ExecutionCommand command) {
        assertThat(connectors.platforms.allRequests()).as("no vault call, no post").isEmpty();
        assertThat(connectors.actions.find(command.idempotencyKey())).isEmpty();
    }
}
