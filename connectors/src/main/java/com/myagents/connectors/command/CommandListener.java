package com.myagents.connectors.command;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListener;

import com.myagents.connectors.connector.RetryLater;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionCommand;

/**
 * Handles one command inside the container's Kafka transaction: what it came to is sent with the
 * transactional template and committed together with the command's offset. A command that cannot
 * be finished now (a platform, the vault or the database away) throws: the transaction rolls back
 * and the after-rollback processor retries it with back-off; after {@code max-attempts} it is
 * {@link #giveUp given up} as a failed result, in a transaction of its own with the offset.
 */
final class CommandListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);
    private static final String CORRELATION_MDC = "correlation_id";

    private final CommandHandler handler;
    private final KafkaOperations<String, byte[]> results;
    private final CommandStats stats;

    CommandListener(CommandHandler handler, KafkaOperations<String, byte[]> results, CommandStats stats) {
        this.handler = handler;
        this.results = results;
        this.stats = stats;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        ExecutionCommand command = command(record);
        // every line logged while handling it carries the execution's correlation id
        if (command != null && command.correlationId() != null) {
            MDC.put(CORRELATION_MDC, command.correlationId());
        }
        try {
            Publication publication;
            try {
                publication = handler.handle(record);
            } catch (RuntimeException e) {
                // RetryLater, the database away, or a bug: none of them published anything for this command
                stats.failed(e);
                log.warn("command {} did not finish, retrying: {}", place(record),
                        e instanceof RetryLater ? e.getMessage() : e.toString());
                throw e;
            }
            publish(publication);
            stats.handled(command, publication);
        } finally {
            MDC.remove(CORRELATION_MDC);
        }
    }

    /** The recoverer: after the last attempt the command fails for good, its failed result published with its offset. */
    @SuppressWarnings("unchecked")
    void giveUp(ConsumerRecord<?, ?> failed, Exception e) {
        ConsumerRecord<String, byte[]> record = (ConsumerRecord<String, byte[]>) failed;
        Exception cause = e instanceof ListenerExecutionFailedException && e.getCause() instanceof Exception inner ? inner : e;
        log.warn("command {} failed for good after its last attempt: {}", place(record), cause.toString());
        Publication publication = handler.giveUp(record, cause);
        publish(publication);
        stats.handled(command(record), publication);
    }

    private void publish(Publication publication) {
        for (Outgoing<?> event : publication.events()) {
            results.send(event.toRecord());
        }
    }

    private static ExecutionCommand command(ConsumerRecord<String, byte[]> record) {
        try {
            return Topics.EXECUTION_COMMANDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException unreadable) {
            return null; // the handler refuses it; here it has no correlation id and platform "unknown"
        }
    }

    private static String place(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
