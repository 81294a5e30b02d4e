package com.myagents.ingest.goals;

import static com.myagents.plant.jooq.generated.Tables.GOAL_INSTANCES;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

import com.myagents.contracts.Topics;
import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;
import com.myagents.ingest.agenttypes.AgentTypeDefinition;
import com.myagents.ingest.config.ConfigRules;
import com.myagents.ingest.config.SecretScanner;
import com.myagents.ingest.hiring.HiredAgentRow;
import com.myagents.ingest.hiring.RunReadiness;
import com.myagents.ingest.hiring.InstanceWrites;
import com.myagents.ingest.identity.Ids;
import com.myagents.plant.jooq.generated.tables.records.GoalInstancesRecord;
import com.myagents.plant.status.GoalFrequency;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Goal instances, validated against the template of the instance's pinned definition. Every change
 * goes to the goal-changes topic for the scheduler; "run now" goes to the goal-triggers topic.
 */
@Service
class GoalService {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    record Saved(GoalView goal, boolean created) {
    }

    private final InstanceWrites writes;
    private final ConfigRules rules;

    GoalService(InstanceWrites writes, ConfigRules rules) {
        this.writes = writes;
        this.rules = rules;
    }

    List<GoalView> list(UUID customerId, UUID hiredInstanceId) {
        HiredAgentRow row = writes.instances().forRead(writes.db(), customerId, hiredInstanceId);
        String instanceZone = instanceZone(row);
        List<GoalInstancesRecord> goals = writes.db().selectFrom(GOAL_INSTANCES).where(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(hiredInstanceId))
                .orderBy(GOAL_INSTANCES.CREATED_AT).fetch();
        Map<UUID, GoalRunView> lastRuns = lastRuns(writes.db(), goals.stream().map(GoalInstancesRecord::getGoalInstanceId).toList());
        return goals.stream().map(g -> view(g, lastRuns.get(g.getGoalInstanceId()), instanceZone)).toList();
    }

    /** The latest run of each goal, by when it completed or (still running) was triggered. */
    private static Map<UUID, GoalRunView> lastRuns(DSLContext db, List<UUID> goalIds) {
        if (goalIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, GoalRunView> runs = new HashMap<>();
        db.select(GOAL_RUNS.fields()).distinctOn(GOAL_RUNS.GOAL_INSTANCE_ID).from(GOAL_RUNS)
                .where(GOAL_RUNS.GOAL_INSTANCE_ID.in(goalIds))
                .orderBy(GOAL_RUNS.GOAL_INSTANCE_ID, DSL.coalesce(GOAL_RUNS.COMPLETED_AT, GOAL_RUNS.TRIGGERED_AT).desc().nullsLast())
                .fetchInto(GOAL_RUNS)
                .forEach(r -> runs.put(r.getGoalInstanceId(), new GoalRunView(r.getRunId(), r.getPeriodKey(), r.getStatus().literal(),
                        r.getReason(), r.getDetail(), r.getCostMinor(), r.getTriggeredAt(), r.getCompletedAt())));
        return runs;
    }

    Saved save(UUID customerId, UUID hiredInstanceId, GoalRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("goal_template_id", "is required");
        }
        return writes.db().transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            HiredAgentRow row = writes.instances().forWrite(t, customerId, hiredInstanceId);
            AgentTypeDefinition definition = writes.instances().pinnedDefinition(row.agent());
            JsonNode template = validated(definition, request);
            requireWithinAgentLimits(row, request);
            OffsetDateTime now = writes.now();
            GoalInstancesRecord goal;
            boolean created = request.goalInstanceId() == null;
            if (created) {
                goal = t.newRecord(GOAL_INSTANCES);
                goal.setGoalInstanceId(UUID.randomUUID());
                goal.setHiredInstanceId(hiredInstanceId);
                goal.setCreatedAt(now);
            } else {
                UUID id = Ids.uuid("goal_instance_id", request.goalInstanceId());
                goal = t.selectFrom(GOAL_INSTANCES).where(GOAL_INSTANCES.GOAL_INSTANCE_ID.eq(id))
                        .and(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(hiredInstanceId)).fetchOptional()
                        .orElseThrow(() -> ApiProblem.notFound("goal " + id));
            }
            goal.setGoalTemplateId(request.goalTemplateId());
            goal.setFrequency(GoalFrequency.of(request.frequency()));
            goal.setTimeOfDay(request.timeOfDay() == null ? null : LocalTime.parse(request.timeOfDay(), HH_MM));
            goal.setSettings(JSONB.valueOf(EventJson.MAPPER.writeValueAsString(
                    request.settings() == null ? EventJson.MAPPER.createObjectNode() : request.settings())));
            goal.setEnabled(request.enabled() == null || request.enabled());
            goal.setTimezone(ownZone(request.timezone()));
            goal.setUpdatedAt(now);
            goal.store();
            writes.outbox().append(t, Topics.GOAL_CHANGES, goal.getGoalInstanceId().toString(),
                    change(goal, row, template.path("skill_binding").asString(null), false));
            return new Saved(view(goal, created ? null : lastRuns(t, List.of(goal.getGoalInstanceId())).get(goal.getGoalInstanceId()),
                    instanceZone(row)), created);
        });
    }

    void delete(UUID customerId, UUID hiredInstanceId, UUID goalInstanceId) {
        writes.db().transaction(tx -> {
            DSLContext t = DSL.using(tx);
            HiredAgentRow row = writes.instances().forWrite(t, customerId, hiredInstanceId);
            GoalInstancesRecord goal = t.selectFrom(GOAL_INSTANCES).where(GOAL_INSTANCES.GOAL_INSTANCE_ID.eq(goalInstanceId))
                    .and(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(hiredInstanceId)).fetchOptional()
                    .orElseThrow(() -> ApiProblem.notFound("goal " + goalInstanceId));
            goal.delete();
            writes.outbox().append(t, Topics.GOAL_CHANGES, goalInstanceId.toString(), change(goal, row, null, true));
        });
    }

    /** An on-demand run: its run_id carries the request's correlation id, so a retried call runs once. */
    String runNow(UUID customerId, UUID hiredInstanceId, UUID goalInstanceId, String requestId) {
        return writes.db().transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            HiredAgentRow row = writes.instances().forWrite(t, customerId, hiredInstanceId);
            GoalInstancesRecord goal = t.selectFrom(GOAL_INSTANCES).where(GOAL_INSTANCES.GOAL_INSTANCE_ID.eq(goalInstanceId))
                    .and(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(hiredInstanceId)).fetchOptional()
                    .orElseThrow(() -> ApiProblem.notFound("goal " + goalInstanceId));
            // A run that the goal runner would drop is refused here, in words, with the next step.
            RunReadiness.blocking(row.agent(), row.subscription(), !Boolean.FALSE.equals(goal.getEnabled()),
                    writes.now()).ifPresent(blocked -> {
                        throw blocked.refusal();
                    });
            String periodKey = GoalTrigger.onDemandPeriod(requestId);
            String runId = GoalTrigger.runId(goalInstanceId.toString(), periodKey);
            writes.outbox().append(t, Topics.GOAL_TRIGGERS, goalInstanceId.toString(), new GoalTrigger(runId,
                    goalInstanceId.toString(), goal.getGoalTemplateId(), hiredInstanceId.toString(),
                    row.subscription().getSubscriptionId().toString(), customerId.toString(), periodKey, writes.clock().instant()));
            return runId;
        });
    }

    /** Settings the agent's own config forbids (units over its limit, platforms it lacks) are refused. */
    private static void requireWithinAgentLimits(HiredAgentRow row, GoalRequest request) {
        JsonNode config = row.agent().getConfig() == null ? null : EventJson.MAPPER.readTree(row.agent().getConfig().data());
        List<Violation> problems = GoalLimits.violations(config, request.settings());
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(problems);
        }
    }

    private JsonNode validated(AgentTypeDefinition definition, GoalRequest request) {
        List<Violation> problems = new ArrayList<>();
        JsonNode template = request.goalTemplateId() == null ? null
                : definition.goalTemplate(request.goalTemplateId()).orElse(null);
        if (template == null) {
            throw ApiProblem.badRequest("goal_template_id", "must be a goal template of "
                    + definition.agentTypeId() + " " + definition.version());
        }
        List<String> allowed = EventJson.MAPPER.convertValue(template.path("allowed_frequencies"),
                new TypeReference<List<String>>() { });
        if (request.frequency() == null || allowed == null || !allowed.contains(request.frequency())) {
            problems.add(new Violation("/frequency", "must be one of " + allowed));
        }
        if (template.path("needs_time_window").asBoolean(false) && request.timeOfDay() == null) {
            problems.add(new Violation("/time_of_day", "is required for this goal (HH:mm, in the agent's time zone)"));
        }
        if (request.timezone() != null && !request.timezone().isBlank() && !ianaZone(request.timezone())) {
            problems.add(new Violation("/timezone", "must be an IANA time zone such as Asia/Kolkata, or absent to follow the agent's"));
        }
        if (request.timeOfDay() != null) {
            try {
                LocalTime.parse(request.timeOfDay(), HH_MM);
            } catch (DateTimeParseException e) {
                problems.add(new Violation("/time_of_day", "must be a local time HH:mm"));
            }
        }
        JsonNode settings = request.settings() == null ? EventJson.MAPPER.createObjectNode() : request.settings();
        if (!settings.isObject()) {
            problems.add(new Violation("/settings", "must be a JSON object"));
        } else {
            SecretScanner.findSecrets(settings).forEach(v -> problems.add(new Violation("/settings" + v.pointer(), v.message())));
            rules.settingsViolations(template.path("settings_schema"), settings)
                    .forEach(v -> problems.add(new Violation("/settings" + v.pointer(), v.message())));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(problems);
        }
        return template;
    }

    /** A goal's own zone travels on its change only when it has one: without, the scheduler follows the instance's. */
    private GoalChange change(GoalInstancesRecord goal, HiredAgentRow row, String skillBinding, boolean deleted) {
        Map<String, Object> settings = EventJson.MAPPER.readValue(goal.getSettings().data(),
                new TypeReference<Map<String, Object>>() { });
        return new GoalChange(goal.getGoalInstanceId().toString(), goal.getGoalTemplateId(), skillBinding,
                goal.getHiredInstanceId().toString(), row.subscription().getSubscriptionId().toString(),
                row.agent().getCustomerId().toString(), goal.getFrequency().literal(),
                goal.getTimeOfDay() == null ? null : goal.getTimeOfDay().format(HH_MM),
                goal.getTimezone(), settings, Boolean.TRUE.equals(goal.getEnabled()), deleted,
                writes.clock().instant());
    }

    private static GoalView view(GoalInstancesRecord g, GoalRunView lastRun, String instanceZone) {
        return new GoalView(g.getGoalInstanceId().toString(), g.getHiredInstanceId().toString(), g.getGoalTemplateId(),
                g.getFrequency().literal(), g.getTimeOfDay() == null ? null : g.getTimeOfDay().format(HH_MM),
                EventJson.MAPPER.readTree(g.getSettings().data()), Boolean.TRUE.equals(g.getEnabled()),
                g.getTimezone(), g.getTimezone() != null ? g.getTimezone() : instanceZone,
                g.getCreatedAt(), g.getUpdatedAt(), lastRun);
    }

    /** The zone the scheduler uses for a goal without its own: the instance's configured one, else UTC. */
    private static String instanceZone(HiredAgentRow row) {
        String zone = EventJson.MAPPER.readTree(row.agent().getConfig().data()).path("timezone").asString(null);
        return zone != null && ianaZone(zone) ? zone : "UTC";
    }

    private static String ownZone(String requested) {
        return requested == null || requested.isBlank() ? null : requested.trim();
    }

    private static boolean ianaZone(String id) {
        String zone = id.trim();
        return "UTC".equals(zone) || ZoneId.getAvailableZoneIds().contains(zone);
    }
}
