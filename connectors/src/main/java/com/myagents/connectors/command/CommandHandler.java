package com.myagents.connectors.command;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.connectors.ConnectorsProperties;
import com.myagents.connectors.ExecutionMode;
import com.myagents.connectors.actions.ActionRecord;
import com.myagents.connectors.actions.ExternalActions;
import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.Connector;
import com.myagents.connectors.connector.DryRunDetail;
import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.intent.Intent;
import com.myagents.connectors.intent.Intents;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.intent.UnsupportedCommand;
import com.myagents.connectors.vault.Credential;
import com.myagents.connectors.vault.CredentialLookup;
import com.myagents.connectors.vault.CredentialUnavailable;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.signing.CommandSigner;

/**
 * Turns one command record into what gets published for it, acting at most once per idempotency
 * key: verify the enforcement signature (refuse otherwise), replay a finished action, read the
 * intent, then either describe it (dry run) or resolve the credential, claim the key and perform it.
 * An action an earlier attempt claimed and did not finish is settled by asking the platform when it
 * can tell (Delta), and failed with {@code outcome_unknown} when only a person can.
 */
public class CommandHandler {

    public static final String RETRIES_EXHAUSTED = "retries_exhausted";
    public static final String MALFORMED_COMMAND = "malformed_command";
    static final String NO_TARGET = "none";

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    private final CommandSigner signer;
    private final ExternalActions actions;
    private final CredentialLookup credentials;
    private final Map<Target, Connector> connectors;
    private final ConnectorsProperties properties;
    private final Refusals refusals;

    public CommandHandler(CommandSigner signer, ExternalActions actions, CredentialLookup credentials,
            List<Connector> connectors, ConnectorsProperties properties, Refusals refusals) {
        this.signer = signer;
        this.actions = actions;
        this.credentials = credentials;
        this.connectors = new EnumMap<>(Target.class);
        connectors.forEach(connector -> this.connectors.put(connector.target(), connector));
        this.properties = properties;
        this.refusals = refusals;
    }

    /**
     * @throws RetryLater when the command cannot be finished now; nothing is published for it then
     */
    public Publication handle(ConsumerRecord<String, byte[]> record) {
        ExecutionCommand command = read(record);
        if (command == null || !signer.verify(command)) {
            log.warn("refused command record {}-{}@{}: signature does not verify", record.topic(),
                    record.partition(), record.offset());
            return refusals.refuse(record, command);
        }
        if (blank(command.idempotencyKey()) || blank(command.commandId()) || blank(command.correlationId())) {
            return malformed(record, command);
        }
        ActionRecord done = execute(command);
        log.info("command {} ({} for deliverable {}): {}", command.commandId(), command.action(),
                command.deliverableId(), done.status().dbValue());
        return Publication.of(done.toResult());
    }

    /**
     * After {@code myagents.connectors.max-attempts} transient failures: the command fails for good.
     * An action an attempt may have started is failed with {@code outcome_unknown}.
     */
    public Publication giveUp(ConsumerRecord<String, byte[]> record, Exception lastFailure) {
        ExecutionCommand command = read(record);
        if (command == null || !signer.verify(command)) {
            return refusals.refuse(record, command);
        }
        if (blank(command.idempotencyKey()) || blank(command.commandId()) || blank(command.correlationId())) {
            return malformed(record, command);
        }
        Optional<ActionRecord> existing = actions.find(command.idempotencyKey());
        String why = "gave up after " + properties.maxAttempts() + " attempts; the last failure: "
                + lastFailure.getMessage();
        ActionRecord done;
        if (existing.isEmpty()) {
            done = actions.settle(command, NO_TARGET, Outcome.failed(RETRIES_EXHAUSTED, why + ". Nothing was sent"));
        } else if (existing.get().inFlight()) {
            done = finishUnknown(existing.get(), why + ". An attempt may have acted before it failed");
        } else {
            done = existing.get();
        }
        log.error("command {} failed for good: {}", command.commandId(), why);
        return Publication.of(done.toResult());
    }

    private ActionRecord execute(ExecutionCommand command) {
        Optional<ActionRecord> existing = actions.find(command.idempotencyKey());
        if (existing.isPresent() && !existing.get().inFlight()) {
            return existing.get();
        }
        Intent intent;
        try {
            intent = Intents.of(command);
        } catch (UnsupportedCommand e) {
            return actions.settle(command, NO_TARGET, Outcome.failed(e.code(), e.getMessage()));
        }
        if (command.manual() != null) {
            return actions.settle(command, intent.target().code(), ManualPublications.outcome(intent, command));
        }
        Connector connector = connectors.get(intent.target());
        if (connector == null) {
            return actions.settle(command, NO_TARGET, Outcome.failed(Intents.UNSUPPORTED_PLATFORM, "no connector"
                    + " publishes to " + intent.target().code() + ": publish it by hand and mark it posted in CP."
                    + " Nothing was sent"));
        }
        // Enforcement's signed mode wins: a trial's dry-run allowance never acts, whatever this deployment's mode.
        boolean dryRun = command.dryRun() || properties.modeFor(command.hiredInstanceId()) == ExecutionMode.DRY_RUN;
        if (existing.isPresent()) {
            return resume(command, intent, connector, existing.get(), dryRun);
        }
        String target = intent.target().code();
        if (dryRun) {
            return actions.settle(command, target,
                    DryRunDetail.outcome(intent.target(), command, connector.describe(intent, command),
                            command.dryRun() ? DryRunDetail.TRIAL : DryRunDetail.DEPLOYMENT));
        }
        Credential credential;
        try {
            credential = credentials.resolve(command, intent.target());
        } catch (CredentialUnavailable e) {
            return actions.settle(command, target, Outcome.failed(e.code(), e.getMessage() + ". Nothing was sent"));
        }
        Optional<ActionRecord> claim = actions.claim(command, target);
        if (claim.isPresent()) {
            return perform(command, intent, connector, credential, claim.get(), false);
        }
        // another attempt got the key between our look and our claim
        ActionRecord other = actions.find(command.idempotencyKey()).orElseThrow();
        return other.inFlight() ? resume(command, intent, connector, other, false) : other;
    }

    /** An earlier attempt claimed the key and did not finish: it may have acted. */
    private ActionRecord resume(ExecutionCommand command, Intent intent, Connector connector, ActionRecord inFlight,
            boolean dryRun) {
        if (dryRun || !connector.canSettleAnEarlierAttempt()) {
            return finishUnknown(inFlight, "an earlier attempt to " + command.action() + " on " + intent.target().code()
                    + " was claimed and never finished; it may or may not have acted. Not sent again: a person has"
                    + " to check the account");
        }
        Credential credential;
        try {
            credential = credentials.resolve(command, intent.target());
        } catch (CredentialUnavailable e) {
            return finishUnknown(inFlight, "an earlier attempt was claimed and never finished, and the platform cannot"
                    + " be asked whether it acted: " + e.getMessage());
        }
        Optional<ActionRecord> taken = actions.takeOver(inFlight);
        if (taken.isEmpty()) {
            return actions.find(command.idempotencyKey()).orElseThrow();
        }
        return perform(command, intent, connector, credential, taken.get(), true);
    }

    private ActionRecord perform(ExecutionCommand command, Intent intent, Connector connector, Credential credential,
            ActionRecord claim, boolean resumed) {
        try {
            return actions.finish(claim, connector.perform(intent, command, credential, resumed));
        } catch (RetryLater e) {
            if (e.nothingSent() && !resumed) {
                actions.release(claim);
            }
            throw e;
        }
    }

    private ActionRecord finishUnknown(ActionRecord inFlight, String why) {
        Optional<ActionRecord> taken = actions.takeOver(inFlight);
        if (taken.isEmpty()) {
            return actions.find(inFlight.idempotencyKey()).orElseThrow();
        }
        return actions.finish(taken.get(), Outcome.failed(Outcome.OUTCOME_UNKNOWN, why));
    }

    private Publication malformed(ConsumerRecord<String, byte[]> record, ExecutionCommand command) {
        log.error("signed command at {}-{}@{} lacks its ids; it is failed", record.topic(), record.partition(),
                record.offset());
        Publication refused = refusals.refuse(record, command);
        var result = refused.result().orElseThrow();
        return Publication.of(new ExecutionResult(result.resultId(),
                result.commandId(), result.correlationId(), result.deliverableId(), result.subscriptionId(),
                result.status(), null, result.idempotencyKey(), 0, MALFORMED_COMMAND
                        + ": a signed command without command_id, correlation_id or idempotency_key cannot be"
                        + " performed exactly once, so it is not performed at all", result.completedAt()));
    }

    private static ExecutionCommand read(ConsumerRecord<String, byte[]> record) {
        try {
            return Topics.EXECUTION_COMMANDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
