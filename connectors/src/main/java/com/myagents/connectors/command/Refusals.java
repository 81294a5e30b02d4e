package com.myagents.connectors.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ReasonCode;

/**
 * A command whose enforcement signature does not verify (unsigned, tampered, signed with another
 * key, or not a readable command at all) is never acted on. It becomes a failed result for its
 * deliverable whose detail starts {@code signature_invalid:} and says what was wrong; no denial is
 * written, because only enforcement writes decisions and denials (the Kafka ACLs hold connectors to
 * the results topic). Ids derive from the record's place on the topic, so a redelivery yields the
 * same ids, and the result's {@code command_id} is the record's place too: a forged copy can never
 * take a genuine command's row.
 */
public class Refusals {

    private final Clock clock;

    public Refusals(Clock clock) {
        this.clock = clock;
    }

    /** @param command {@code null} when the record is not a readable command */
    public Publication refuse(ConsumerRecord<String, byte[]> record, ExecutionCommand command) {
        String place = record.topic() + "/" + record.partition() + "@" + record.offset();
        String why = command == null ? "is not a readable execution command"
                : command.signature() == null ? "carries no enforcement signature"
                : "carries an enforcement signature that does not verify (tampered, or signed with another key)";
        String correlationId = command != null && command.correlationId() != null && !command.correlationId().isBlank()
                ? command.correlationId() : "refused-" + nameUuid("refused-correlation:" + place);
        StringBuilder detail = new StringBuilder(ReasonCode.SIGNATURE_INVALID.code()).append(": the connectors refused record ")
                .append(place).append(": it ").append(why).append("; nothing was performed");
        if (command != null) {
            detail.append(" (command_id ").append(command.commandId()).append(", approval_id ")
                    .append(command.approvalId()).append(')');
        }
        return Publication.of(new ExecutionResult(nameUuid("execution-result-refused:" + place), "refused:" + place,
                correlationId, command == null ? null : command.deliverableId(),
                command == null ? null : command.subscriptionId(), ExecutionResult.Status.FAILED, null,
                command == null ? null : command.idempotencyKey(), 0, detail.toString(), clock.instant()));
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
