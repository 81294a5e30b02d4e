package com.myagents.ingest.subscriptions;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

import com.myagents.http.problem.ApiProblem;
import com.myagents.ingest.agenttypes.AgentTypeDefinition;
import com.myagents.ingest.hiring.HiredAgentRow;
import com.myagents.ingest.hiring.HiredAgentView;
import com.myagents.ingest.hiring.InstanceWrites;
import com.myagents.ingest.hiring.HiringService;
import com.myagents.plant.jooq.generated.tables.records.SubscriptionsRecord;
import com.myagents.plant.state.PlantStateEvents;
import com.myagents.plant.status.SubscriptionStatus;
import com.myagents.plant.status.TrialStatus;
import com.myagents.plant.status.BillingEventKind;

/**
 * A subscription after hiring: a trial (or a re-hire without one) becomes a paid plan with a
 * monthly budget within the definition's ceiling; the budget changes; the subscription is
 * cancelled and kept read-only for the definition's retention days; an operator extends a
 * trial. Every change is billed and published to enforcement in the same transaction.
 */
@Service
public class SubscriptionLifecycle {

    private static final int MAX_EXTENSION_DAYS = 90;

    private final InstanceWrites writes;
    private final PlantStateEvents events;
    private final BillingProvider billing;
    private final HiringService hiring;

    SubscriptionLifecycle(InstanceWrites writes, PlantStateEvents events, BillingProvider billing, HiringService hiring) {
        this.writes = writes;
        this.events = events;
        this.billing = billing;
        this.hiring = hiring;
    }

    /** Ends the trial (open, ended or never granted) in a paid plan with this monthly budget. */
    public HiredAgentView convert(UUID customerId, UUID subscriptionId, BudgetRequest request) {
        return change(customerId, subscriptionId, (s, definition, now) -> {
            long budget = validBudget(request, definition);
            if (s.getTrialStatus() == TrialStatus.ENDED_CONVERTED) {
                throw ApiProblem.conflict("This subscription is already on a paid plan; change its budget instead.")
                        .with("reason", "already_paid");
            }
            if (s.getTrialStatus() == TrialStatus.ACTIVE && (s.getTrialEndAt() == null || s.getTrialEndAt().isAfter(now))) {
                s.setTrialEndAt(now);
            }
            s.setTrialStatus(TrialStatus.ENDED_CONVERTED);
            s.setBudgetMinorPerMonth(budget);
            s.setConvertedAt(now);
            return BillingEventKind.PLAN_STARTED;
        });
    }

    public HiredAgentView changeBudget(UUID customerId, UUID subscriptionId, BudgetRequest request) {
        return change(customerId, subscriptionId, (s, definition, now) -> {
            long budget = validBudget(request, definition);
            if (s.getTrialStatus() != TrialStatus.ENDED_CONVERTED) {
                throw ApiProblem.conflict("Only a paid plan has a monthly budget: subscribe first.")
                        .with("reason", "not_paid");
            }
            s.setBudgetMinorPerMonth(budget);
            return BillingEventKind.BUDGET_CHANGED;
        });
    }

    /**
     * Ends the subscription now: nothing runs or executes any more (enforcement denies
     * {@code subscription_inactive}), the instance is read-only, and its data is deleted after
     * the definition's {@code retention_days} by {@link RetentionPurge}.
     */
    public HiredAgentView cancel(UUID customerId, UUID subscriptionId) {
        return change(customerId, subscriptionId, (s, definition, now) -> {
            s.setStatus(SubscriptionStatus.CANCELLED);
            s.setEndedAt(now);
            s.setPeriodEnd(now);
            s.setRetentionUntil(now.plusDays(retentionDays(definition)));
            if (s.getTrialStatus() == TrialStatus.ACTIVE) {
                s.setTrialStatus(TrialStatus.ENDED_NOT_CONVERTED);
                if (s.getTrialEndAt() == null || s.getTrialEndAt().isAfter(now)) {
                    s.setTrialEndAt(now);
                }
            }
            return BillingEventKind.CANCELLED;
        });
    }

    /** One change of a customer's own subscription: applied, stored, billed and published in one transaction. */
    private HiredAgentView change(UUID customerId, UUID subscriptionId, PlanStep step) {
        writes.db().transaction(tx -> {
            DSLContext t = DSL.using(tx);
            HiredAgentRow row = writes.instances().forWriteBySubscription(t, customerId, subscriptionId);
            AgentTypeDefinition definition = writes.instances().pinnedDefinition(row.agent());
            OffsetDateTime now = writes.now();
            SubscriptionsRecord s = row.subscription();
            s.attach(tx);
            BillingEventKind kind = step.apply(s, definition, now);
            s.store();
            billing.record(t, change(s, kind, s.getBudgetMinorPerMonth(), definition, now));
            events.publish(t, row.agent(), s, definition.enforcementDefaults());
        });
        return hiring.bySubscription(customerId, subscriptionId);
    }

    /** What a change does to the subscription row; the kind of billing event it is. */
    @FunctionalInterface
    private interface PlanStep {
        BillingEventKind apply(SubscriptionsRecord subscription, AgentTypeDefinition definition, OffsetDateTime now);
    }

    /** An operator gives a trial more days (an open or ended, unconverted trial). */
    public HiredAgentView extendTrial(UUID subscriptionId, TrialExtension request) {
        if (request == null || request.days() == null || request.days() < 1 || request.days() > MAX_EXTENSION_DAYS) {
            throw ApiProblem.badRequest("days", "must be a whole number of days from 1 to " + MAX_EXTENSION_DAYS);
        }
        UUID customerId = writes.db().transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            UUID owner = t.select(com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS.CUSTOMER_ID)
                    .from(com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS)
                    .where(com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(subscriptionId))
                    .fetchOptional(r -> r.value1())
                    .orElseThrow(() -> ApiProblem.notFound("subscription " + subscriptionId));
            HiredAgentRow row = writes.instances().forWriteBySubscription(t, owner, subscriptionId);
            SubscriptionsRecord s = row.subscription();
            if (s.getTrialStatus() != TrialStatus.ACTIVE && s.getTrialStatus() != TrialStatus.ENDED_NOT_CONVERTED) {
                throw ApiProblem.conflict("Only a started, unconverted trial can be extended (this one is "
                        + s.getTrialStatus().literal() + ").").with("reason", "no_trial");
            }
            AgentTypeDefinition definition = writes.instances().pinnedDefinition(row.agent());
            OffsetDateTime now = writes.now();
            OffsetDateTime from = s.getTrialEndAt() == null || s.getTrialEndAt().isBefore(now) ? now : s.getTrialEndAt();
            s.attach(tx);
            s.setTrialStatus(TrialStatus.ACTIVE);
            s.setTrialEndAt(from.plusDays(request.days()));
            s.store();
            billing.record(t, change(s, BillingEventKind.TRIAL_EXTENDED, null, definition, now));
            events.publish(t, row.agent(), s, definition.enforcementDefaults());
            return owner;
        });
        return hiring.bySubscription(customerId, subscriptionId);
    }

    static int retentionDays(AgentTypeDefinition definition) {
        return Math.max(0, definition.enforcementDefaults().path("retention_days").asInt(30));
    }

    private static long validBudget(BudgetRequest request, AgentTypeDefinition definition) {
        long ceiling = definition.enforcementDefaults().path("budget_minor_per_month").asLong(0);
        Long budget = request == null ? null : request.budgetMinorPerMonth();
        if (budget == null || budget <= 0 || budget > ceiling) {
            throw ApiProblem.badRequest("budget_minor_per_month", "must be more than 0 and at most " + ceiling
                    + " (" + definition.enforcementDefaults().path("currency").asString("INR") + " minor units a month)");
        }
        return budget;
    }

    private static BillingProvider.PlanChange change(SubscriptionsRecord s, BillingEventKind kind, Long budget,
            AgentTypeDefinition definition, OffsetDateTime at) {
        return new BillingProvider.PlanChange(s.getSubscriptionId(), s.getCustomerId(), kind, budget,
                definition.enforcementDefaults().path("currency").asString("INR"), at.toInstant());
    }
}
