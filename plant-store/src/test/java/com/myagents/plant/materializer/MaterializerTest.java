package com.myagents.plant.materializer;

import static com.myagents.plant.jooq.generated.Tables.ACCESS_RECORDS;
import static com.myagents.plant.jooq.generated.Tables.DEAD_LETTERS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_COMMANDS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.plant.PlantTestDatabase;
import com.myagents.plant.status.DeliverableState;
import com.myagents.plant.status.ExecutionRequestStatus;
import com.myagents.plant.status.GoalRunStatus;
import com.myagents.testsupport.ExecutionDecisionBuilder;
import com.myagents.testsupport.SharedTestInfra;
import com.myagents.testsupport.TopicWriter;

class MaterializerTest {

    private static final UUID DEMO_CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000c0001");
    private static final UUID MARKETING_SUBSCRIPTION = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID MARKETING_AGENT = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    private static final UUID DEMO_DRAFT = UUID.fromString("00000000-0000-0000-0000-00000000d001");

    @AutoClose
    private static final PlantTestDatabase database = PlantTestDatabase.migrated(true);
    private static final DSLContext dsl = database.dsl();
    private static Materializer materializer;

    @BeforeAll
    static void start() {
        materializer = startMaterializer(dsl);
    }

    @AfterAll
    static void stop() {
        materializer.stop();
    }

    @Test
    void aReplayedDecisionIsStoredOnceAndDecidesItsRequestOnce() {
        // Given a pending execution request
        String correlationId = UUID.randomUUID().toString();
        insertRequest(correlationId, DEMO_DRAFT, ExecutionRequestStatus.PENDING);
        ExecutionDecision decision = decision(correlationId, Outcome.DENY, ReasonCode.APPROVAL_MISSING);

        // When its decision arrives twice, then another one behind it in the same partition
        send(Topics.EXECUTION_DECISIONS, correlationId, decision);
        send(Topics.EXECUTION_DECISIONS, correlationId, decision);
        ExecutionDecision marker = decision(UUID.randomUUID().toString(), Outcome.ALLOW, ReasonCode.ALLOWED);
        send(Topics.EXECUTION_DECISIONS, correlationId, marker);
        awaitRow(EXECUTION_DECISIONS, EXECUTION_DECISIONS.CORRELATION_ID.eq(marker.correlationId()));

        // Then there is one decision row and the request moved to denied once
        assertThat(dsl.fetchCount(EXECUTION_DECISIONS, EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId))).isEqualTo(1);
        var row = dsl.selectFrom(EXECUTION_DECISIONS).where(EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId)).fetchSingle();
        assertThat(row.getOutcome()).isEqualTo("deny");
        assertThat(row.getReason()).isEqualTo("approval_missing");
        assertThat(row.getChecks().data()).contains("approval_present");
        assertThat(row.getInputs().data()).contains("approval_id");
        var request = dsl.selectFrom(EXECUTION_REQUESTS).where(EXECUTION_REQUESTS.CORRELATION_ID.eq(correlationId)).fetchSingle();
        assertThat(request.getStatus()).isEqualTo(ExecutionRequestStatus.DENIED);
        assertThat(request.getDecidedAt()).isNotNull();
    }

    @Test
    void aReplayedDenialIsStoredOnce() {
        String correlationId = UUID.randomUUID().toString();
        EnforcementDenial denial = EnforcementDenial.of(decision(correlationId, Outcome.DENY, ReasonCode.APPROVAL_MISSING));
        EnforcementDenial marker = EnforcementDenial.of(decision(UUID.randomUUID().toString(), Outcome.DENY, ReasonCode.TRIAL_ENDED));

        send(Topics.ENFORCEMENT_DENIALS, denial.subscriptionId(), denial);
        send(Topics.ENFORCEMENT_DENIALS, denial.subscriptionId(), denial);
        send(Topics.ENFORCEMENT_DENIALS, denial.subscriptionId(), marker);
        awaitRow(ENFORCEMENT_DENIALS, ENFORCEMENT_DENIALS.CORRELATION_ID.eq(marker.correlationId()));

        assertThat(dsl.fetchCount(ENFORCEMENT_DENIALS, ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId))).isEqualTo(1);
        var row = dsl.selectFrom(ENFORCEMENT_DENIALS).where(ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId)).fetchSingle();
        assertThat(row.getReason()).isEqualTo("approval_missing");
        assertThat(row.getCustomerId()).isEqualTo(DEMO_CUSTOMER.toString());
        assertThat(row.getDeniedAt()).isNotNull();
    }

    @Test
    void aDenialAndADecisionWithAReasonAndOutcomeThisBuildDoesNotKnowAreStoredAsWritten() {
        // A newer enforcement's codes reach the tables; an unknown outcome never reads as allowed
        String correlationId = UUID.randomUUID().toString();
        insertRequest(correlationId, DEMO_DRAFT, ExecutionRequestStatus.PENDING);
        ExecutionDecision decision = decision(correlationId, Outcome.fromCode("defer"), ReasonCode.fromCode("quiet_hours"));

        send(Topics.EXECUTION_DECISIONS, correlationId, decision);
        send(Topics.ENFORCEMENT_DENIALS, decision.subscriptionId(), EnforcementDenial.of(decision));
        awaitRow(ENFORCEMENT_DENIALS, ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId));
        awaitRow(EXECUTION_DECISIONS, EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId));

        assertThat(dsl.selectFrom(ENFORCEMENT_DENIALS).where(ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId))
                .fetchSingle().getReason()).isEqualTo("quiet_hours");
        var row = dsl.selectFrom(EXECUTION_DECISIONS).where(EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId)).fetchSingle();
        assertThat(row.getOutcome()).isEqualTo("defer");
        assertThat(row.getReason()).isEqualTo("quiet_hours");
        assertThat(dsl.selectFrom(EXECUTION_REQUESTS).where(EXECUTION_REQUESTS.CORRELATION_ID.eq(correlationId))
                .fetchSingle().getStatus()).isEqualTo(ExecutionRequestStatus.DENIED);
    }

    @Test
    void replayedAccessRecordsAndCommandsAreStoredOnceForTheDrillDown() {
        String correlationId = UUID.randomUUID().toString();
        AccessRecord access = new AccessRecord(UUID.randomUUID().toString(), correlationId, "gateway", "cp-backend",
                DEMO_CUSTOMER.toString(), "customer", "POST", "/api/v1/deliverables/x/execute", 403, 12,
                Instant.now(), Instant.now());
        ExecutionCommand command = new ExecutionCommand(UUID.randomUUID().toString(), correlationId,
                UUID.randomUUID().toString(), DEMO_DRAFT.toString(), MARKETING_SUBSCRIPTION.toString(),
                DEMO_CUSTOMER.toString(), MARKETING_AGENT.toString(), "publish", UUID.randomUUID().toString(),
                "idem-" + correlationId, java.util.Map.of("text", "hello"), Instant.now(), "signature");

        send(Topics.ACCESS_RECORDS, correlationId, access);
        send(Topics.ACCESS_RECORDS, correlationId, access);
        send(Topics.EXECUTION_COMMANDS, command.deliverableId(), command);
        send(Topics.EXECUTION_COMMANDS, command.deliverableId(), command);
        awaitRow(EXECUTION_COMMANDS, EXECUTION_COMMANDS.CORRELATION_ID.eq(correlationId));
        awaitRow(ACCESS_RECORDS, ACCESS_RECORDS.CORRELATION_ID.eq(correlationId));

        assertThat(dsl.fetchCount(ACCESS_RECORDS, ACCESS_RECORDS.CORRELATION_ID.eq(correlationId))).isEqualTo(1);
        assertThat(dsl.fetchCount(EXECUTION_COMMANDS, EXECUTION_COMMANDS.CORRELATION_ID.eq(correlationId))).isEqualTo(1);
        assertThat(dsl.selectFrom(ACCESS_RECORDS).where(ACCESS_RECORDS.CORRELATION_ID.eq(correlationId)).fetchSingle()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void aReplayedDraftIsStoredOnceAndNeverResetsAReviewedDeliverable() {
        // Given a draft that was materialized and then approved by its customer
        UUID goalInstanceId = UUID.randomUUID();
        String runId = goalInstanceId + ":daily:2026-11-27";
        DeliverableDraft draft = draft(UUID.randomUUID(), runId, goalInstanceId, MARKETING_AGENT);
        send(Topics.DELIVERABLE_DRAFTS, draft.deliverableId(), draft);
        awaitRow(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(draft.deliverableId())));
        dsl.update(DELIVERABLES).set(DELIVERABLES.STATE, DeliverableState.APPROVED)
                .where(DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(draft.deliverableId()))).execute();

        // When the same draft is replayed, followed by another record in its partition
        send(Topics.DELIVERABLE_DRAFTS, draft.deliverableId(), draft);
        DeliverableDraft marker = draft(UUID.randomUUID(), runId, goalInstanceId, MARKETING_AGENT);
        send(Topics.DELIVERABLE_DRAFTS, draft.deliverableId(), marker);
        awaitRow(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(marker.deliverableId())));

        // Then one row, still approved, and one completed run with its period key
        var row = dsl.selectFrom(DELIVERABLES).where(DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(draft.deliverableId()))).fetchSingle();
        assertThat(row.getState()).isEqualTo(DeliverableState.APPROVED);
        assertThat(row.getPayloadHash()).isEqualTo(draft.payloadHash());
        assertThat(row.getProposedActions().data()).contains("publish");
        var run = dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(runId)).fetchSingle();
        assertThat(run.getStatus()).isEqualTo(GoalRunStatus.COMPLETED);
        assertThat(run.getPeriodKey()).isEqualTo("daily:2026-11-27");
        assertThat(run.getGoalInstanceId()).isEqualTo(goalInstanceId);
    }

    @Test
    void aDeniedGoalRunIsRecordedOnItsGoalWithTheReasonAndAnAllowedOneCompletesWithItsDrafts() {
        UUID goalInstanceId = UUID.randomUUID();
        String denied = goalInstanceId + ":daily:2026-11-27";
        String allowed = goalInstanceId + ":daily:2026-11-28";
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(denied, goalInstanceId, false));
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(denied, goalInstanceId, false));
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(allowed, goalInstanceId, true));
        awaitRow(GOAL_RUNS, GOAL_RUNS.RUN_ID.eq(allowed));

        var deniedRun = dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(denied)).fetchSingle();
        assertThat(deniedRun.getStatus()).isEqualTo(GoalRunStatus.DENIED);
        assertThat(deniedRun.getReason()).isEqualTo("trial_cap_exceeded");
        assertThat(deniedRun.getDetail()).isEqualTo("2 of 2 trial goal runs used");
        assertThat(deniedRun.getPeriodKey()).isEqualTo("daily:2026-11-27");
        assertThat(deniedRun.getCompletedAt()).isNotNull();
        var allowedRun = dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(allowed)).fetchSingle();
        assertThat(allowedRun.getStatus()).isEqualTo(GoalRunStatus.TRIGGERED);
        assertThat(allowedRun.getCostMinor()).isEqualTo(50);

        // its drafts complete it, and a late replay of the decision does not move it back
        DeliverableDraft draft = draft(UUID.randomUUID(), allowed, goalInstanceId, MARKETING_AGENT);
        send(Topics.DELIVERABLE_DRAFTS, draft.deliverableId(), draft);
        awaitRow(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(draft.deliverableId())));
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(allowed, goalInstanceId, true));
        String marker = goalInstanceId + ":daily:2026-11-29";
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(marker, goalInstanceId, true));
        awaitRow(GOAL_RUNS, GOAL_RUNS.RUN_ID.eq(marker));
        assertThat(dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(allowed)).fetchSingle().getStatus()).isEqualTo(GoalRunStatus.COMPLETED);
    }

    @Test
    void aSkippedGoalRunIsRecordedOnceOnItsGoalWithTheReasonAndNothingMovesItAfterwards() {
        UUID goalInstanceId = UUID.randomUUID();
        String runId = goalInstanceId + ":daily:2026-11-27";
        GoalTrigger trigger = new GoalTrigger(runId, goalInstanceId.toString(), "marketing.daily_education_micropost",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "daily:2026-11-27", Instant.parse("2026-11-27T03:30:00Z"));
        GoalRunDecision skipped = GoalRunDecision.skip(trigger, ReasonCode.NOT_FINALIZED,
                "the agent is not finalized yet, so its trial has not started", Map.of("trial_status", "not_started"),
                Instant.parse("2026-11-27T03:30:02Z"));
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), skipped);
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), skipped);
        // a stray later decision for the same run (say, a late metered answer) does not reopen it
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(runId, goalInstanceId, true));
        String marker = goalInstanceId + ":daily:2026-11-28";
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(marker, goalInstanceId, false));
        awaitRow(GOAL_RUNS, GOAL_RUNS.RUN_ID.eq(marker));

        var runs = dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(runId)).fetch();
        assertThat(runs).hasSize(1);
        var run = runs.get(0);
        assertThat(run.getStatus()).isEqualTo(GoalRunStatus.SKIPPED);
        assertThat(run.getReason()).isEqualTo("not_finalized");
        assertThat(run.getDetail()).isEqualTo("the agent is not finalized yet, so its trial has not started");
        assertThat(run.getPeriodKey()).isEqualTo("daily:2026-11-27");
        assertThat(run.getGoalInstanceId()).isEqualTo(goalInstanceId);
        assertThat(run.getTriggeredAt().toInstant()).isEqualTo(Instant.parse("2026-11-27T03:30:00Z"));
        assertThat(run.getCompletedAt().toInstant()).isEqualTo(Instant.parse("2026-11-27T03:30:02Z"));
        assertThat(run.getCostMinor()).isZero();
    }

    @Test
    void anAllowedRunShowsTheCostItSettledAtNotThePriceItWasCharged() {
        UUID goalInstanceId = UUID.randomUUID();
        String decidedFirst = goalInstanceId + ":daily:2026-11-27";
        String settledFirst = goalInstanceId + ":daily:2026-11-28";
        String overPrice = goalInstanceId + ":daily:2026-11-29";
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(decidedFirst, goalInstanceId, true));
        awaitRow(GOAL_RUNS, GOAL_RUNS.RUN_ID.eq(decidedFirst));
        // charged 50 when allowed; the model's tokens cost 12
        send(Topics.GOAL_RUN_SETTLEMENTS, MARKETING_SUBSCRIPTION.toString(), settlement(decidedFirst, goalInstanceId, 12));
        // the settlement may be read before the decision (other topic): the decision does not bring the price back
        send(Topics.GOAL_RUN_SETTLEMENTS, MARKETING_SUBSCRIPTION.toString(), settlement(settledFirst, goalInstanceId, 7));
        awaitRow(GOAL_RUNS, GOAL_RUNS.RUN_ID.eq(settledFirst));
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(settledFirst, goalInstanceId, true));
        // a settlement above the price never shows more than the customer was shown
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(overPrice, goalInstanceId, true));
        send(Topics.GOAL_RUN_SETTLEMENTS, MARKETING_SUBSCRIPTION.toString(), settlement(overPrice, goalInstanceId, 80));
        String marker = goalInstanceId + ":daily:2026-11-30";
        send(Topics.GOAL_RUN_DECISIONS, goalInstanceId.toString(), runDecision(marker, goalInstanceId, false));
        awaitRow(GOAL_RUNS, GOAL_RUNS.RUN_ID.eq(marker));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dsl.selectFrom(GOAL_RUNS)
                .where(GOAL_RUNS.RUN_ID.eq(overPrice)).fetchSingle().getSettledCostMinor()).isEqualTo(80));

        assertThat(dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(decidedFirst)).fetchSingle().getCostMinor()).isEqualTo(12);
        var settledBeforeDecided = dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(settledFirst)).fetchSingle();
        assertThat(settledBeforeDecided.getCostMinor()).isEqualTo(7);
        assertThat(settledBeforeDecided.getStatus()).isEqualTo(GoalRunStatus.COMPLETED);
        assertThat(settledBeforeDecided.getPeriodKey()).isEqualTo("daily:2026-11-28");
        assertThat(dsl.selectFrom(GOAL_RUNS).where(GOAL_RUNS.RUN_ID.eq(overPrice)).fetchSingle().getCostMinor()).isEqualTo(50);
    }

    @Test
    void aPostWrittenAgainSupersedesTheDraftItReplacesUnlessThatOneHasGoneOut() {
        UUID pending = UUID.randomUUID();
        UUID executed = UUID.randomUUID();
        insertDeliverable(pending, DeliverableState.PENDING_REVIEW);
        insertDeliverable(executed, DeliverableState.EXECUTED);
        UUID goalInstanceId = UUID.randomUUID();

        DeliverableDraft replacement = redraft(UUID.randomUUID(), goalInstanceId, pending);
        DeliverableDraft late = redraft(UUID.randomUUID(), goalInstanceId, executed);
        send(Topics.DELIVERABLE_DRAFTS, replacement.deliverableId(), replacement);
        send(Topics.DELIVERABLE_DRAFTS, late.deliverableId(), late);
        awaitRow(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(late.deliverableId())));
        awaitRow(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(replacement.deliverableId())));

        assertThat(dsl.selectFrom(DELIVERABLES).where(DELIVERABLES.DELIVERABLE_ID.eq(pending)).fetchSingle().getState())
                .isEqualTo(DeliverableState.SUPERSEDED);
        assertThat(dsl.selectFrom(DELIVERABLES).where(DELIVERABLES.DELIVERABLE_ID.eq(executed)).fetchSingle().getState())
                .isEqualTo(DeliverableState.EXECUTED);
        assertThat(dsl.selectFrom(DELIVERABLES).where(DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(replacement.deliverableId())))
                .fetchSingle().getState()).isEqualTo(DeliverableState.PENDING_REVIEW);
    }

    private static DeliverableDraft redraft(UUID deliverableId, UUID goalInstanceId, UUID supersedes) {
        return new DeliverableDraft(deliverableId.toString(), goalInstanceId + ":on_demand:" + deliverableId,
                goalInstanceId.toString(), "marketing.daily_education_micropost", MARKETING_AGENT.toString(),
                MARKETING_SUBSCRIPTION.toString(), DEMO_CUSTOMER.toString(), "social_post",
                Map.of("platform", "x", "text", "Written again.", "supersedes", supersedes.toString()),
                List.of("publish"), "cd".repeat(32), Instant.now(), Instant.now());
    }

    private static GoalRunSettlement settlement(String runId, UUID goalInstanceId, long costMinor) {
        return new GoalRunSettlement(runId, MARKETING_SUBSCRIPTION.toString(), goalInstanceId.toString(), costMinor, 120, 40,
                "ai:test-model", Instant.parse("2026-11-27T03:30:05Z"));
    }

    private static GoalRunDecision runDecision(String runId, UUID goalInstanceId, boolean allowed) {
        GoalTrigger trigger = new GoalTrigger(runId, goalInstanceId.toString(), "marketing.daily_education_micropost",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                runId.substring(goalInstanceId.toString().length() + 1), Instant.parse("2026-11-27T03:30:00Z"));
        return new GoalRunDecision(UUID.randomUUID().toString(), trigger, allowed ? Outcome.ALLOW : Outcome.DENY,
                allowed ? ReasonCode.ALLOWED : ReasonCode.TRIAL_CAP_EXCEEDED,
                allowed ? "every check passed" : "2 of 2 trial goal runs used", allowed ? 50 : 0, List.of(), Map.of(),
                "test-policy", Instant.parse("2026-11-27T03:30:01Z"));
    }

    @Test
    void aReplayedResultIsStoredOnceAndMovesDeliverableAndRequestToExecuted() {
        // Given an approved deliverable and its allowed request
        Attempt attempt = Attempt.approved(ExecutionRequestStatus.ALLOWED);
        ExecutionResult result = attempt.result(ExecutionResult.Status.EXECUTED);

        // When the result arrives twice, then a late failure of a retried command
        attempt.send(result);
        attempt.send(result);
        ExecutionResult lateFailure = attempt.send(attempt.result(ExecutionResult.Status.FAILED));
        awaitRow(EXECUTION_RESULTS, EXECUTION_RESULTS.RESULT_ID.eq(UUID.fromString(lateFailure.resultId())));

        // Then one row per result, and what was executed stays executed
        assertThat(dsl.fetchCount(EXECUTION_RESULTS, EXECUTION_RESULTS.COMMAND_ID.eq(result.commandId()))).isEqualTo(1);
        assertThat(attempt.state()).isEqualTo(DeliverableState.EXECUTED);
        assertThat(attempt.requestStatus()).isEqualTo(ExecutionRequestStatus.EXECUTED);
    }

    @Test
    void aDecisionMaterializedAfterItsResultRecordsItsTimeWithoutMovingTheRequestBack() {
        Attempt attempt = Attempt.approved(ExecutionRequestStatus.PENDING);
        String correlationId = attempt.correlationId();

        attempt.send(attempt.result(ExecutionResult.Status.EXECUTED));
        awaitRow(EXECUTION_RESULTS, EXECUTION_RESULTS.CORRELATION_ID.eq(correlationId));
        ExecutionDecision decision = decision(correlationId, Outcome.ALLOW, ReasonCode.ALLOWED);
        send(Topics.EXECUTION_DECISIONS, correlationId, decision);
        awaitRow(EXECUTION_DECISIONS, EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId));

        var request = dsl.selectFrom(EXECUTION_REQUESTS).where(EXECUTION_REQUESTS.CORRELATION_ID.eq(correlationId)).fetchSingle();
        assertThat(request.getStatus()).isEqualTo(ExecutionRequestStatus.EXECUTED);
        assertThat(request.getDecidedAt()).isNotNull();
    }

    @Test
    void aFailedThenRetriedDryRunEndsAsADryRunNeverAsExecuted() {
        Attempt attempt = Attempt.approved(ExecutionRequestStatus.ALLOWED);
        Condition deliverable = DELIVERABLES.DELIVERABLE_ID.eq(attempt.deliverableId());

        attempt.send(attempt.result(ExecutionResult.Status.FAILED));
        awaitRow(DELIVERABLES, deliverable.and(DELIVERABLES.STATE.eq(DeliverableState.FAILED)));
        ExecutionResult dryRun = attempt.send(attempt.result(ExecutionResult.Status.DRY_RUN));

        awaitRow(DELIVERABLES, deliverable.and(DELIVERABLES.STATE.eq(DeliverableState.DRY_RUN)));
        assertThat(resultStatusOf(dryRun)).isEqualTo("dry_run");
    }

    @Test
    void aResultWithAStatusAndADecisionWithAModeThisBuildDoesNotKnowAreStoredAsWrittenAndMoveNothing() {
        // A newer connector's status and a newer enforcement's mode reach the tables; what
        // they mean for the deliverable and the request is left to a build that knows them
        Attempt attempt = Attempt.approved(ExecutionRequestStatus.PENDING);
        String correlationId = attempt.correlationId();
        ExecutionDecision allowed = decision(correlationId, Outcome.ALLOW, ReasonCode.ALLOWED);
        ExecutionDecision newerMode = ExecutionDecisionBuilder.from(allowed).correlation(correlationId)
                .deliverable(attempt.deliverableId().toString()).detail("every check passed")
                .mode(com.myagents.contracts.execution.ExecutionMode.fromCode("shadow")).build();

        send(Topics.EXECUTION_DECISIONS, correlationId, newerMode);
        ExecutionResult reversed = attempt.send(attempt.result(ExecutionResult.Status.fromCode("reversed")));
        awaitRow(EXECUTION_DECISIONS, EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId));
        awaitRow(EXECUTION_RESULTS, EXECUTION_RESULTS.RESULT_ID.eq(UUID.fromString(reversed.resultId())));

        assertThat(dsl.select(EXECUTION_DECISIONS.EXECUTION_MODE).from(EXECUTION_DECISIONS)
                .where(EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId)).fetchSingle().value1()).isEqualTo("shadow");
        assertThat(resultStatusOf(reversed)).isEqualTo("reversed");
        assertThat(attempt.state()).isEqualTo(DeliverableState.APPROVED);
        assertThat(attempt.requestStatus()).isEqualTo(ExecutionRequestStatus.ALLOWED);
    }

    @Test
    void skipsPoisonRecordsWithoutBlockingTheirPartitions() {
        long skippedBefore = materializer.skippedCount();
        String decisionKey = UUID.randomUUID().toString();
        String draftKey = UUID.randomUUID().toString();

        // Given unreadable JSON, and a draft the database refuses (its hired agent does not exist)
        sendRaw(Topics.EXECUTION_DECISIONS, decisionKey, "{not json".getBytes(StandardCharsets.UTF_8));
        DeliverableDraft orphan = draft(UUID.randomUUID(), null, null, UUID.randomUUID());
        send(Topics.DELIVERABLE_DRAFTS, draftKey, orphan);

        // When good records follow them in the same partitions
        ExecutionDecision good = decision(UUID.randomUUID().toString(), Outcome.DENY, ReasonCode.UNKNOWN_ACTION);
        send(Topics.EXECUTION_DECISIONS, decisionKey, good);
        DeliverableDraft goodDraft = draft(UUID.randomUUID(), null, null, MARKETING_AGENT);
        send(Topics.DELIVERABLE_DRAFTS, draftKey, goodDraft);

        // Then the good ones are materialized and the poison ones skipped
        awaitRow(EXECUTION_DECISIONS, EXECUTION_DECISIONS.CORRELATION_ID.eq(good.correlationId()));
        awaitRow(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(goodDraft.deliverableId())));
        assertThat(dsl.fetchCount(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(orphan.deliverableId())))).isZero();
        assertThat(materializer.skippedCount()).isGreaterThanOrEqualTo(skippedBefore + 2);
        assertThat(materializer.health().getStatus()).isEqualTo(Status.UP);
        assertThat(materializer.appliedCount()).isPositive();
    }

    @Test
    void writesABacklogInBatchesAndAPoisonRecordInOneCostsOnlyItself() {
        // Given a backlog in one partition, written while the materializer is stopped: 40 drafts with
        // one the database refuses (its hired agent does not exist) in the middle
        materializer.stop();
        String key = UUID.randomUUID().toString();
        List<DeliverableDraft> good = new java.util.ArrayList<>();
        DeliverableDraft orphan = draft(UUID.randomUUID(), null, null, UUID.randomUUID());
        for (int i = 0; i < 40; i++) {
            if (i == 20) {
                send(Topics.DELIVERABLE_DRAFTS, key, orphan);
            }
            DeliverableDraft draft = draft(UUID.randomUUID(), null, null, MARKETING_AGENT);
            good.add(draft);
            send(Topics.DELIVERABLE_DRAFTS, key, draft);
        }
        long skippedBefore = materializer.skippedCount();

        // When it starts again and reads them in one poll
        materializer.start();

        // Then every good draft is a row, the poison one is skipped once, and nothing waits behind it
        List<UUID> ids = good.stream().map(d -> UUID.fromString(d.deliverableId())).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(dsl.fetchCount(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.in(ids))).isEqualTo(40));
        assertThat(dsl.fetchCount(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString(orphan.deliverableId())))).isZero();
        assertThat(materializer.skippedCount()).isEqualTo(skippedBefore + 1);
    }

    @Test
    void deadLettersAPoisonRecordWhereOperatorsSeeWhereItCameFromAndWhy() {
        String key = UUID.randomUUID().toString();

        // Given a decision nobody can read
        sendRaw(Topics.EXECUTION_DECISIONS, key, "{not json".getBytes(StandardCharsets.UTF_8));

        // Then, after its retries, it is on the dead-letter topic and read back into plant.dead_letters
        Condition itsRow = DEAD_LETTERS.SOURCE_TOPIC.eq(Topics.EXECUTION_DECISIONS.name()).and(DEAD_LETTERS.RECORD_KEY.eq(key));
        awaitRow(DEAD_LETTERS, itsRow);
        var letter = dsl.selectFrom(DEAD_LETTERS).where(itsRow).fetchSingle();
        assertThat(letter.getSourcePartition()).isBetween(0, Topics.PARTITIONS - 1);
        assertThat(letter.getSourceOffset()).isNotNegative();
        assertThat(letter.getRecordValue()).isEqualTo("{not json");
        assertThat(letter.getError()).isNotBlank().doesNotContain("ListenerExecutionFailedException");
        assertThat(letter.getDeadLetteredAt()).isAfter(OffsetDateTime.now().minusMinutes(5));
        assertThat(materializer.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aDeadLetterWithoutItsHeadersIsStillShownAsUnknown() {
        var bare = new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>(Topics.PLANT_DEAD_LETTERS.name(), 0, 7, null, null);

        dsl.transaction(cfg -> DeadLetterRows.record(cfg.dsl(), bare));
        dsl.transaction(cfg -> DeadLetterRows.record(cfg.dsl(), bare));

        var letter = dsl.selectFrom(DEAD_LETTERS).where(DEAD_LETTERS.SOURCE_OFFSET.eq(-8L)).fetchSingle();
        assertThat(letter.getSourceTopic()).isEqualTo("unknown");
        assertThat(letter.getError()).isEqualTo("unknown");
        assertThat(letter.getRecordValue()).isNull();
    }

    @Test
    void waitsOutADatabaseOutageAndLosesNothing() {
        // Given a materializer of its own whose database is away
        try (PlantTestDatabase own = PlantTestDatabase.migrated(true)) {
            AtomicBoolean away = new AtomicBoolean(true);
            DSLContext flaky = DSL.using(unreachableWhile(away, own.dataSource()), SQLDialect.POSTGRES);
            Materializer second = startMaterializer(flaky);
            try {
                String correlationId = UUID.randomUUID().toString();
                EnforcementDenial denial = EnforcementDenial.of(decision(correlationId, Outcome.DENY, ReasonCode.BUDGET_EXCEEDED));

                // When a denial arrives during the outage
                send(Topics.ENFORCEMENT_DENIALS, denial.subscriptionId(), denial);
                // (failing more often than a poison record may before it is dead-lettered)
                await().atMost(Duration.ofSeconds(30)).until(() -> second.health().getDetails().get("consecutive_failures")
                        instanceof Integer n && n > PoisonRecords.POISON_RETRIES + 1);
                assertThat(second.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(own.dsl().fetchCount(ENFORCEMENT_DENIALS, ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId))).isZero();

                // Then it is written once the database is back
                away.set(false);
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(
                        own.dsl().fetchCount(ENFORCEMENT_DENIALS, ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId))).isEqualTo(1));
                // and the outage dead-lettered nothing
                assertThat(own.dsl().fetchCount(DEAD_LETTERS, DEAD_LETTERS.RECORD_VALUE.contains(correlationId))).isZero();
            } finally {
                second.stop();
            }
            assertThat(second.isRunning()).isFalse();
            assertThat(second.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private static Materializer startMaterializer(DSLContext target) {
        Materializer started = new Materializer(target, Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                "group.id", "materializer-test-" + UUID.randomUUID()));
        started.start();
        started.start();
        return started;
    }

    private static DataSource unreachableWhile(AtomicBoolean away, DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && away.get()) {
                        throw new SQLException("connection refused", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void awaitRow(Table<?> table, Condition condition) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dsl.fetchCount(table, condition)).isEqualTo(1));
    }

    private static <V> void send(Topic<String, V> topic, String key, V event) {
        TopicWriter.shared().publish(topic, key, event);
    }

    private static void sendRaw(Topic<String, ?> topic, String key, byte[] value) {
        TopicWriter.shared().publishRaw(topic.name(), key, value);
    }

    private static void insertRequest(String correlationId, UUID deliverableId, ExecutionRequestStatus status) {
        dsl.insertInto(EXECUTION_REQUESTS)
                .set(EXECUTION_REQUESTS.CORRELATION_ID, correlationId)
                .set(EXECUTION_REQUESTS.DELIVERABLE_ID, deliverableId)
                .set(EXECUTION_REQUESTS.SUBSCRIPTION_ID, MARKETING_SUBSCRIPTION)
                .set(EXECUTION_REQUESTS.CUSTOMER_ID, DEMO_CUSTOMER)
                .set(EXECUTION_REQUESTS.HIRED_INSTANCE_ID, MARKETING_AGENT)
                .set(EXECUTION_REQUESTS.ACTION, "publish")
                .set(EXECUTION_REQUESTS.REQUESTED_BY, "customer:" + DEMO_CUSTOMER)
                .set(EXECUTION_REQUESTS.REQUESTED_AT, OffsetDateTime.now())
                .set(EXECUTION_REQUESTS.STATUS, status)
                .execute();
    }

    /** An approved deliverable and its execution request, which the connector's results are about. */
    private record Attempt(UUID deliverableId, String correlationId) {

        static Attempt approved(ExecutionRequestStatus requestStatus) {
            Attempt attempt = new Attempt(UUID.randomUUID(), UUID.randomUUID().toString());
            insertDeliverable(attempt.deliverableId, DeliverableState.APPROVED);
            insertRequest(attempt.correlationId, attempt.deliverableId, requestStatus);
            return attempt;
        }

        ExecutionResult result(ExecutionResult.Status status) {
            return MaterializerTest.result(correlationId, deliverableId, status);
        }

        ExecutionResult send(ExecutionResult result) {
            MaterializerTest.send(Topics.EXECUTION_RESULTS, deliverableId.toString(), result);
            return result;
        }

        DeliverableState state() {
            return dsl.select(DELIVERABLES.STATE).from(DELIVERABLES).where(DELIVERABLES.DELIVERABLE_ID.eq(deliverableId))
                    .fetchSingle().value1();
        }

        ExecutionRequestStatus requestStatus() {
            return dsl.select(EXECUTION_REQUESTS.STATUS).from(EXECUTION_REQUESTS)
                    .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(correlationId)).fetchSingle().value1();
        }
    }

    private static String resultStatusOf(ExecutionResult result) {
        return dsl.select(EXECUTION_RESULTS.STATUS).from(EXECUTION_RESULTS)
                .where(EXECUTION_RESULTS.RESULT_ID.eq(UUID.fromString(result.resultId()))).fetchSingle().value1();
    }

    private static void insertDeliverable(UUID deliverableId, DeliverableState state) {
        dsl.insertInto(DELIVERABLES)
                .set(DELIVERABLES.DELIVERABLE_ID, deliverableId)
                .set(DELIVERABLES.HIRED_INSTANCE_ID, MARKETING_AGENT)
                .set(DELIVERABLES.SUBSCRIPTION_ID, MARKETING_SUBSCRIPTION)
                .set(DELIVERABLES.CUSTOMER_ID, DEMO_CUSTOMER)
                .set(DELIVERABLES.KIND, "social_post")
                .set(DELIVERABLES.STATE, state)
                .set(DELIVERABLES.PAYLOAD, org.jooq.JSONB.valueOf("{\"platform\":\"x\",\"text\":\"hello\"}"))
                .set(DELIVERABLES.PAYLOAD_HASH, "0".repeat(64))
                .execute();
    }

    private static ExecutionDecision decision(String correlationId, Outcome outcome, ReasonCode reason) {
        return new ExecutionDecision(UUID.randomUUID().toString(), correlationId, DEMO_DRAFT.toString(),
                MARKETING_SUBSCRIPTION.toString(), DEMO_CUSTOMER.toString(), "publish", null, outcome, reason,
                "no approval_id on the request", List.of(new CheckResult("approval_present", false, "missing")),
                Map.of("approval_id", "none"), "enforcement/1", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static DeliverableDraft draft(UUID deliverableId, String runId, UUID goalInstanceId, UUID hiredInstanceId) {
        return new DeliverableDraft(deliverableId.toString(), runId, goalInstanceId == null ? null : goalInstanceId.toString(),
                "marketing.daily_education_micropost", hiredInstanceId.toString(), MARKETING_SUBSCRIPTION.toString(),
                DEMO_CUSTOMER.toString(), "social_post", Map.of("platform", "linkedin", "text", "Drink water."),
                List.of("publish"), "ab".repeat(32), Instant.now().plus(1, ChronoUnit.DAYS), Instant.now());
    }

    private static ExecutionResult result(String correlationId, UUID deliverableId, ExecutionResult.Status status) {
        return new ExecutionResult(UUID.randomUUID().toString(), UUID.randomUUID().toString(), correlationId,
                deliverableId.toString(), MARKETING_SUBSCRIPTION.toString(), status, "ext-" + UUID.randomUUID(),
                "idem-" + correlationId, 100, null, Instant.now());
    }
}
