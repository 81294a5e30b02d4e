package com.myagents.connectors.command;

import java.util.List;
import java.util.Optional;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionResult;

/** What handling one command publishes, in one Kafka transaction with the command's offset. */
public record Publication(List<Outgoing<?>> events) {

    public Publication {
        events = List.copyOf(events);
    }

    public static Publication of(ExecutionResult result) {
        return new Publication(List.of(result(result)));
    }

    public Optional<ExecutionResult> result() {
        return events.stream().map(Outgoing::value).filter(ExecutionResult.class::isInstance)
                .map(ExecutionResult.class::cast).findFirst();
    }

    private static Outgoing<ExecutionResult> result(ExecutionResult result) {
        return new Outgoing<>(Topics.EXECUTION_RESULTS, result.deliverableId(), result);
    }
}
