package com.myagents.connectors.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ReasonCode;

/**
 * A command whose enforcement signature does not verify (unsigned, tampered, signed with another
 * key, or not a readable command at all) is never acted on. It is recorded as a
 * {@code signature_invalid} denial for the auditors and a failed result for its deliverable. Ids
 * derive from the record's place on the topic, so a redelivery yields the same ids, and the result's
 * {@code command_id} is the record's place too: a forged copy can never take a genuine command's row.
 */
public class Refusals {

    public static final String POLICY_VERSION = "connectors/1";

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
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("source", place);
        inputs.put("signature_present", command != null && command.signature() != null);
        if (command != null) {
            inputs.put("command_id", command.commandId());
            inputs.put("approval_id", command.approvalId());
            inputs.put("idempotency_key", command.idempotencyKey());
        }
        String detail = "the connectors refused record " + place + ": it " + why + "; nothing was performed";
        EnforcementDenial denial = new EnforcementDenial(nameUuid("connector-refusal:" + place), correlationId,
                command == null ? null : command.subscriptionId(), command == null ? null : command.customerId(),
                command == null ? null : command.deliverableId(), command == null ? null : command.action(),
                ReasonCode.SIGNATURE_INVALID, detail, inputs, POLICY_VERSION, clock.instant());
        ExecutionResult failed = new ExecutionResult(nameUuid("execution-result-refused:" + place), "refused:" + place,
                correlationId, denial.deliverableId(), denial.subscriptionId(), ExecutionResult.Status.FAILED, null,
                command == null ? null : command.idempotencyKey(), 0,
                ReasonCode.SIGNATURE_INVALID.code() + ": " + detail, clock.instant());
        return Publication.of(failed, denial);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
