package com.myagents.enforcement.stages;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.approvals.ApprovalEvent;

/**
 * Keeps the latest approval event of each deliverable, in the task of the deliverable's
 * subscription: approvals arrive keyed by subscription_id, like the requests that name them, so a
 * request meets its deliverable's approval, its subscription and its ledger in one task. All events
 * of one deliverable share its subscription's partition, so the last one read is the latest given.
 */
public final class ApprovalRecorder implements Processor<String, ApprovalEvent, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(ApprovalRecorder.class);

    private KeyValueStore<String, ApprovalEvent> approvals;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.approvals = context.getStateStore(EnforcementStores.APPROVALS);
    }

    @Override
    public void process(Record<String, ApprovalEvent> record) {
        ApprovalEvent approval = record.value();
        if (approval == null || approval.deliverableId() == null || approval.deliverableId().isBlank()) {
            // nothing to file it under; a request naming it is denied as any without its approval
            log.warn("dropped an approval record without a deliverable_id (key {})", record.key());
            return;
        }
        approvals.put(approval.deliverableId(), approval);
    }
}
