package com.myagents.plant.materializer;

import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.goals.GoalRunDecision;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The domain counters an operator watches, counted where every outcome of the pipeline becomes a
 * row: decisions by action, outcome, reason and plan; trial and budget reservations; settlements;
 * goal runs by status and reason. Counted after the row's transaction commits (a replay after a
 * crash counts again; counters are for rates, the tables for exact numbers).
 */
public final class FlowMeters {

    /** Counts nothing: a materializer without a registry (tests, tools). */
    public static final FlowMeters NONE = new FlowMeters(null);

    private final MeterRegistry registry;

    public FlowMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A binding of a client's metrics, closed with the client. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds the consumer's own metrics (kafka_consumer_*) until the returned binding is closed. */
    Binding bindClient(Consumer<?, ?> consumer) {
        if (registry == null) {
            return () -> { };
        }
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        return metrics::close;
    }

    void materialized(Object event) {
        if (registry == null) {
            return;
        }
        if (event instanceof ExecutionDecision decision) {
            decided(decision);
        } else if (event instanceof GoalRunDecision run) {
            registry.counter("myagents.goal.runs", "status", run.allowed() ? "allowed" : "denied",
                    "reason", run.reason() == null ? "none" : run.reason().code()).increment();
            reserved(run.allowed(), run.inputs(), "goal_run");
        } else if (event instanceof ExecutionResult result) {
            registry.counter("myagents.settlements", "status", result.status() == null ? "none" : result.status().code()).increment();
        }
    }

    private void decided(ExecutionDecision decision) {
        registry.counter("myagents.decisions", "action", String.valueOf(decision.action()),
                "outcome", decision.allowed() ? "allow" : "deny",
                "reason", decision.reason() == null ? "none" : decision.reason().code(),
                "plan", plan(decision.inputs())).increment();
        reserved(decision.allowed(), decision.inputs(), "action");
    }

    private void reserved(boolean allowed, Map<String, Object> inputs, String charge) {
        if (!allowed || inputs == null) {
            return;
        }
        if (inputs.containsKey("trial_cost_today_after")) {
            registry.counter("myagents.reservations", "kind", "trial", "charge", charge).increment();
        }
        if (inputs.containsKey("budget_committed_after")) {
            registry.counter("myagents.reservations", "kind", "budget", "charge", charge).increment();
        }
    }

    /** trial or paid, from the subscription standing the decision was made on. */
    static String plan(Map<String, Object> inputs) {
        Object subscription = inputs == null ? null : inputs.get("subscription");
        if (subscription instanceof Map<?, ?> standing && standing.get("status") != null) {
            return "trial".equals(String.valueOf(standing.get("status"))) ? "trial" : "paid";
        }
        return "unknown";
    }
}
