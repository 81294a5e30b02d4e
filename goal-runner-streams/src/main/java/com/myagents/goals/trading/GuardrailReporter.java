package com.myagents.goals.trading;

import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.goals.runs.DraftAssembler;

/**
 * Keeps the last attempted actions of each subscription (from enforcement's decisions) and drafts
 * a guardrail report from them when one is due. Runs where both meet: one task per subscription.
 */
public final class GuardrailReporter implements Processor<String, GuardrailInput, String, DeliverableDraft> {

    private static final Logger log = LoggerFactory.getLogger(GuardrailReporter.class);

    private final TradingPlanner planner;
    private final String storeName;
    private final int keep;
    private ProcessorContext<String, DeliverableDraft> context;
    private KeyValueStore<String, RecentAttempts> recent;

    /**
     * @param keep how many attempts to keep per subscription: at least the largest
     *             {@code last_n_attempts} a report may ask for
     */
    public GuardrailReporter(TradingPlanner planner, String storeName, int keep) {
        this.planner = planner;
        this.storeName = storeName;
        this.keep = keep;
    }

    @Override
    public void init(ProcessorContext<String, DeliverableDraft> context) {
        this.context = context;
        this.recent = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, GuardrailInput> record) {
        String subscriptionId = record.key();
        if (subscriptionId == null || record.value() == null) {
            return;
        }
        RecentAttempts attempts = recent.get(subscriptionId);
        attempts = attempts == null ? RecentAttempts.NONE : attempts;
        if (record.value() instanceof GuardrailInput.DecisionObserved observed) {
            recent.put(subscriptionId, attempts.with(observed.attempt(), keep));
        } else if (record.value() instanceof GuardrailInput.ReportDue due) {
            List<DeliverableDraft> drafts = DraftAssembler.assemble(due.run(), List.of(planner.guardrailReport(due.run(), attempts)));
            for (DeliverableDraft draft : drafts) {
                context.forward(record.withKey(draft.deliverableId()).withValue(draft));
            }
            log.info("goal run {} drafted a guardrail report from {} recorded attempts", due.run().runId(),
                    attempts.attempts().size());
        }
    }
}
