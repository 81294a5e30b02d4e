package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.schemas.PublishedSchema;
import com.myagents.contracts.serde.EventJson;
import com.myagents.enforcement.policy.EnforcementPolicy;
import com.myagents.enforcement.verify.DecisionTopics;
import com.myagents.enforcement.verify.Recorded;
import com.myagents.enforcement.verify.VerifyDecisionsCommand;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18 on the real system: after a mixed load (allowed actions settled by the dry-run
 * connector, the denials a customer can cause, metered goal runs up to and over the trial's cap) the
 * verifier re-decides every decision from the topics alone, identically; a decision whose verdict
 * was flipped on the topic is reported as a mismatch with exit status 1; and the auditors' console
 * command of the README prints a denial that validates against the published schema.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditorsVerifyTest {

    static final Instant START = Instant.now();
    static final String SAMPLE_DELIVERABLE = "00000000-0000-0000-0000-00000000d001";
    /**
     * The seeded marketing trial may start 10 metered goal runs a day: the 11th is denied over the
     * cap. (Its actions' cap is not reachable here: the dry-run connector's results give every
     * trial action back, since nothing was sent.)
     */
    static final int TRIAL_GOAL_RUNS_PER_DAY = 10;

    static List<String> allowedCorrelations = new ArrayList<>();

    @Test
    @Order(1)
    void theVerifierReDecidesEveryDecisionOfAMixedLoadIdentically() {
        List<String> reasons = mixedLoad();

        Run run = verify("--from", START.toString(), "--bootstrap-servers", RunningSystem.stack().bootstrapServers());

        assertThat(reasons).contains("allowed", "already_executed", "approval_missing", "approval_not_found",
                "unknown_action", "action_not_proposed", "approval_rejected", "approval_mismatch", "goal run allowed",
                "goal run trial_cap_exceeded");
        assertThat(run.status()).as(run.out()).isEqualTo(0);
        assertThat(run.out()).doesNotContain("MISMATCH");
        Matcher counts = Pattern.compile("policy " + Pattern.quote(EnforcementPolicy.VERSION)
                + ": re-decided (\\d+) of (\\d+) identically").matcher(run.out());
        assertThat(counts.find()).as(run.out()).isTrue();
        assertThat(counts.group(1)).isEqualTo(counts.group(2));
        // every execute call above and every goal run is a decision
        assertThat(Integer.parseInt(counts.group(1))).isGreaterThanOrEqualTo(reasons.size());
    }

    @Test
    @Order(2)
    void aDecisionWhoseVerdictWasFlippedOnTheTopicIsAMismatchAndTheVerifierExitsWith1() throws Exception {
        if (allowedCorrelations.isEmpty()) {
            mixedLoad();
        }
        ExecutionDecision allowed = recordedDecision(allowedCorrelations.get(0));
        String tampered = "tampered-" + UUID.randomUUID();
        ExecutionDecision flipped = new ExecutionDecision(allowed.decisionId(), tampered, allowed.deliverableId(),
                allowed.subscriptionId(), allowed.customerId(), allowed.action(), allowed.approvalId(), Outcome.DENY,
                ReasonCode.APPROVAL_REJECTED, allowed.detail(), allowed.checks(), allowed.inputs(), allowed.policyVersion(),
                allowed.decidedAt());
        // whoever could write the topic: the broker's super user
        try (KafkaProducer<String, ExecutionDecision> producer = new KafkaProducer<>(RunningSystem.stack().kafkaSuperUserConfig(),
                Topics.EXECUTION_DECISIONS.keySerde().serializer(), Topics.EXECUTION_DECISIONS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.EXECUTION_DECISIONS.name(), tampered, flipped)).get();
        }

        Run run = verify("--from", START.toString(), "--bootstrap-servers", RunningSystem.stack().bootstrapServers());

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("MISMATCH execution decision correlation_id=" + tampered,
                "recorded deny approval_rejected, recomputed allow allowed", "differing inputs: none");
        assertThat(run.out()).containsOnlyOnce("MISMATCH");
    }

    @Test
    @Order(3)
    void theReadmesConsoleConsumerPrintsADeniedExecutionAsARecordOfThePublishedSchema() throws Exception {
        CpClient door = new CpClient(RunningSystem.cp());
        String token = door.login("demo@myagents.local", "demo-password");
        HttpResponse<String> denied = door.call("POST", "/api/cp/deliverables/" + SAMPLE_DELIVERABLE + "/execute", token, "{}");
        assertThat(denied.statusCode()).isEqualTo(403);
        String correlationId = json(denied).path("correlation_id").asString();

        // as the README's auditor does: with the auditor principal's client.properties (SASL/SCRAM)
        Properties auditor = auditorClient();
        auditor.remove("bootstrap.servers");
        List<String> lines = AuditorConsole.readUntil(RunningSystem.stack().bootstrapServers(), auditor,
                Topics.ENFORCEMENT_DENIALS.name(), line -> line.contains(correlationId), Duration.ofSeconds(30));

        String printed = lines.stream().filter(l -> l.contains(correlationId)).findFirst().orElseThrow(
                () -> new AssertionError("the console consumer printed no denial " + correlationId + ": " + lines));
        String[] parts = printed.split("\t", 3);
        assertThat(parts[0].split(",")).contains("schema:" + PublishedSchema.header(Topics.ENFORCEMENT_DENIALS));
        assertThat(parts[1]).isEqualTo("00000000-0000-0000-0000-00000000a001");
        JsonNode record = EventJson.MAPPER.readTree(parts[2]);
        assertThat(record.path("correlation_id").asString()).isEqualTo(correlationId);
        assertThat(record.path("reason").asString()).isEqualTo("approval_missing");
        assertThat(record.path("policy_version").asString()).isEqualTo(EnforcementPolicy.VERSION);
        try (InputStream schema = PublishedSchema.open(Topics.ENFORCEMENT_DENIALS)) {
            var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(EventJson.MAPPER.readTree(schema));
            assertThat(validator.validate(record)).isEmpty();
        }
    }

    /** The reasons of the execute calls it made, in order. */
    private static synchronized List<String> mixedLoad() {
        CpClient door = new CpClient(RunningSystem.cp());
        String token = Journeys.freshCustomer(door, RunningSystem.stack());
        Journeys.Agent agent = Journeys.configuredMarketingAgent(door, token);
        String goals = "/api/cp/hired-agents/" + agent.instance() + "/goals/" + agent.goal() + "/run";
        for (int i = 0; i <= TRIAL_GOAL_RUNS_PER_DAY; i++) {
            assertThat(door.call("POST", goals, token, null).statusCode()).isEqualTo(202);
        }
        JsonNode page = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                () -> json(door.call("GET", "/api/cp/hired-agents/" + agent.instance()
                        + "/deliverables?state=pending_review&size=200", token, null)),
                p -> p.path("total").asInt() >= 2 * TRIAL_GOAL_RUNS_PER_DAY);
        List<String> drafts = new ArrayList<>();
        page.path("deliverables").forEach(d -> drafts.add(d.path("deliverable_id").asString()));
        List<String> reasons = new ArrayList<>();
        String spare = drafts.get(drafts.size() - 1);
        String rejected = drafts.get(drafts.size() - 2);

        // denials a customer can cause on a draft nobody reviewed yet
        reasons.add(execute(door, token, spare, null, null));
        reasons.add(execute(door, token, spare, UUID.randomUUID().toString(), "publish"));
        reasons.add(execute(door, token, spare, UUID.randomUUID().toString(), "launch_rocket"));
        reasons.add(execute(door, token, spare, UUID.randomUUID().toString(), "place_order"));
        reasons.add(execute(door, token, rejected, review(door, token, rejected, "rejected"), "publish"));

        // allowed actions, settled by the dry-run connector's results
        List<String> approvals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String deliverable = drafts.get(i);
            String approval = review(door, token, deliverable, "approved");
            approvals.add(approval);
            reasons.add(execute(door, token, deliverable, approval, "publish"));
        }
        reasons.add(execute(door, token, drafts.get(0), approvals.get(0), "publish"));
        reasons.add(execute(door, token, drafts.get(1), approvals.get(2), "publish"));
        // the dry-run connector's results settle the reservations before the verifier reads
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> json(door.call("GET", "/api/cp/deliverables/" + drafts.get(0), token, null)),
                d -> "dry_run".equals(d.path("state").asString()));
        reasons.addAll(goalRunReasons());
        return reasons;
    }

    private static List<String> goalRunReasons() {
        Properties client = auditorClient();
        List<String> reasons = new ArrayList<>();
        new DecisionTopics(client).read(START, null, recorded -> {
            if (recorded instanceof Recorded.GoalRun run) {
                reasons.add("goal run " + run.decision().reason().code());
            }
        });
        return reasons;
    }

    private static String review(CpClient door, String token, String deliverable, String decision) {
        HttpResponse<String> reviewed = door.call("POST", "/api/cp/deliverables/" + deliverable + "/review", token,
                "{\"decision\":\"" + decision + "\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isBetween(200, 201);
        return json(reviewed).path("approval").path("approval_id").asString();
    }

    private static String execute(CpClient door, String token, String deliverable, String approval, String action) {
        StringBuilder body = new StringBuilder("{");
        if (approval != null) {
            body.append("\"approval_id\":\"").append(approval).append('"');
        }
        if (action != null) {
            body.append(approval != null ? "," : "").append("\"action\":\"").append(action).append('"');
        }
        HttpResponse<String> answer = FullFlowTest.decided(door, token,
                door.call("POST", "/api/cp/deliverables/" + deliverable + "/execute", token, body.append('}').toString()));
        assertThat(answer.statusCode()).as(answer.body()).isIn(202, 403);
        JsonNode decided = json(answer);
        if (answer.statusCode() == 202) {
            allowedCorrelations.add(decided.path("correlation_id").asString());
            return "allowed";
        }
        return decided.path("reason").asString();
    }

    private static ExecutionDecision recordedDecision(String correlationId) {
        Properties client = auditorClient();
        List<ExecutionDecision> found = new ArrayList<>();
        new DecisionTopics(client).read(START, null, recorded -> {
            if (recorded instanceof Recorded.Execution e && correlationId.equals(e.decision().correlationId())) {
                found.add(e.decision());
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The auditor principal's client properties, as the README gives them to an auditor. */
    private static Properties auditorClient() {
        Properties auditor = new Properties();
        RunningSystem.stack().kafkaClientConfig(KafkaAccessPolicy.AUDITOR).forEach((key, value) ->
                auditor.setProperty(key, String.valueOf(value)));
        return auditor;
    }

    record Run(int status, String out) {
    }

    private static java.nio.file.Path auditorClientProperties() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("auditor-client", ".properties");
            Properties auditor = auditorClient();
            auditor.remove("bootstrap.servers");
            try (var writer = java.nio.file.Files.newBufferedWriter(file)) {
                auditor.store(writer, "the auditor principal");
            }
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the verifier as an auditor would: with the auditor principal's client properties. */
    private static Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--command-config", auditorClientProperties().toString()));
        int status = VerifyDecisionsCommand.run(all.toArray(String[]::new), print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
}
