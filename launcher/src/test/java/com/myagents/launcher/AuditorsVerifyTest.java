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
import com.myagents.contracts.execution.ExecutionMode;
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
 * On the real system: after a mixed load (allowed actions settled by the dry-run
 * connector, the denials a customer can cause, metered goal runs up to and over the trial's cap, a
 * trading trial's order allowed as a dry run, a risk denial, a paid plan's live order and its budget
 * running out, a cancelled subscription) the verifier re-decides every decision from the topics
 * alone, identically, and no decision's inputs hold a secret or personal data; decisions tampered
 * with on the topic (a flipped verdict, a dry run recorded as live) are reported as mismatches with
 * exit status 1; and the auditors' console command of the README prints a denial that validates
 * against the published schema.
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
    static List<String> dryRunCorrelations = new ArrayList<>();
    /** What must never appear in a decision's inputs: the customer's email, credentials, the post's text. */
    static List<String> secrets = new ArrayList<>();

    @Test
    @Order(1)
    void theVerifierReDecidesEveryDecisionOfAMixedLoadIdentically() {
        List<String> reasons = mixedLoad();

        Run run = verify("--from", START.toString(), "--bootstrap-servers", RunningSystem.stack().bootstrapServers());
        // the verifier's report in the test's output, as an auditor reads it
        System.out.println(run.out());

        assertThat(reasons).contains("allowed", "already_executed", "approval_missing", "approval_not_found",
                "unknown_action", "action_not_proposed", "approval_rejected", "approval_mismatch", "goal run allowed",
                "goal run trial_cap_exceeded", "allowed dry_run", "risk_check_failed", "allowed live",
                "budget_exceeded", "subscription_inactive");
        assertThat(run.status()).as(run.out()).isEqualTo(0);
        assertThat(run.out()).doesNotContain("MISMATCH");
        Matcher counts = Pattern.compile("policy " + Pattern.quote(EnforcementPolicy.VERSION)
                + ": re-decided (\\d+) of (\\d+) identically").matcher(run.out());
        assertThat(counts.find()).as(run.out()).isTrue();
        assertThat(counts.group(1)).isEqualTo(counts.group(2));
        // every execute call above and every goal run is a decision
        assertThat(Integer.parseInt(counts.group(1))).isGreaterThanOrEqualTo(reasons.size());
        assertThat(secrets).as("the email, the LinkedIn token, the Delta key and secret").hasSizeGreaterThanOrEqualTo(4);
        new DecisionTopics(auditorClient()).read(START, null, recorded -> {
            String inputs = EventJson.MAPPER.writeValueAsString(recorded instanceof Recorded.Execution e
                    ? e.decision().inputs() : ((Recorded.GoalRun) recorded).decision().inputs());
            assertThat(inputs).as("the inputs of " + recorded.correlationId()).doesNotContain(secrets);
        });
    }

    @Test
    @Order(2)
    void decisionsTamperedWithOnTheTopicAreMismatchesAndTheVerifierExitsWith1() throws Exception {
        if (allowedCorrelations.isEmpty() || dryRunCorrelations.isEmpty()) {
            mixedLoad();
        }
        ExecutionDecision allowed = recordedDecision(allowedCorrelations.get(0));
        String flippedId = "tampered-" + UUID.randomUUID();
        ExecutionDecision flipped = new ExecutionDecision(allowed.decisionId(), flippedId, allowed.deliverableId(),
                allowed.subscriptionId(), allowed.customerId(), allowed.action(), allowed.approvalId(), Outcome.DENY,
                ReasonCode.APPROVAL_REJECTED, allowed.detail(), allowed.checks(), allowed.inputs(), allowed.policyVersion(),
                allowed.decidedAt());
        // a trial's dry-run allowance recorded as if it had been allowed for real
        ExecutionDecision dryRun = recordedDecision(dryRunCorrelations.get(0));
        assertThat(dryRun.dryRun()).isTrue();
        String liveId = "tampered-mode-" + UUID.randomUUID();
        ExecutionDecision madeLive = new ExecutionDecision(dryRun.decisionId(), liveId, dryRun.deliverableId(),
                dryRun.subscriptionId(), dryRun.customerId(), dryRun.action(), dryRun.approvalId(), dryRun.outcome(),
                dryRun.reason(), dryRun.detail(), dryRun.checks(), dryRun.inputs(), dryRun.policyVersion(),
                dryRun.decidedAt(), ExecutionMode.LIVE);
        // whoever could write the topic: the broker's super user
        try (KafkaProducer<String, ExecutionDecision> producer = new KafkaProducer<>(RunningSystem.stack().kafkaSuperUserConfig(),
                Topics.EXECUTION_DECISIONS.keySerde().serializer(), Topics.EXECUTION_DECISIONS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.EXECUTION_DECISIONS.name(), flippedId, flipped)).get();
            producer.send(new ProducerRecord<>(Topics.EXECUTION_DECISIONS.name(), liveId, madeLive)).get();
        }

        Run run = verify("--from", START.toString(), "--bootstrap-servers", RunningSystem.stack().bootstrapServers());

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("MISMATCH execution decision correlation_id=" + flippedId,
                "recorded deny approval_rejected, recomputed allow allowed", "differing inputs: none",
                "MISMATCH execution decision correlation_id=" + liveId,
                "recorded allow allowed, recomputed allow allowed dry_run", "mode: recorded live, recomputed dry_run");
        assertThat(Pattern.compile("MISMATCH").matcher(run.out()).results().count()).as(run.out()).isEqualTo(2);
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
        String linkedInToken = "AQX" + UUID.randomUUID().toString().replace("-", "");
        secrets.add(linkedInToken);
        String email = json(door.call("GET", "/api/cp/auth/me", token, null)).path("email").asString();
        assertThat(email).endsWith("@example.test");
        secrets.add(email);
        Journeys.Agent agent = Journeys.configuredMarketingAgent(door, token, linkedInToken);
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
        String postText = page.path("deliverables").get(0).path("payload").path("text").asString("");
        if (postText.length() > 20) {
            secrets.add(postText);
        }
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
        reasons.addAll(tradingReasons(door, token));
        reasons.addAll(goalRunReasons());
        return reasons;
    }

    /**
     * A trading customer's decisions, with the (dry-run) connectors of the shared system: a trial's
     * order allowed as a dry run; an order the instance's lowered risk limits now refuse; once
     * paid, an order allowed live; the monthly budget too small for the next; cancelled, nothing.
     */
    private static List<String> tradingReasons(CpClient door, String token) {
        List<String> reasons = new ArrayList<>();
        Trader trader = tradingAgent(door, token);

        String dryRun = draftTrade(door, token, trader);
        reasons.add(executeTradeUntil(door, token, dryRun, "allowed dry_run", true));

        String risky = draftTrade(door, token, trader);
        String approval = review(door, token, risky, "approved");
        configureTrading(door, token, trader, 1000);
        reasons.add(executeTradeUntil(door, token, risky, "risk_check_failed", true));
        configureTrading(door, token, trader, 200000);

        HttpResponse<String> converted = door.call("POST", "/api/cp/subscriptions/" + trader.subscription() + "/convert",
                token, "{\"budget_minor_per_month\":100000}");
        assertThat(json(converted).path("plan").asString()).as(converted.body()).isEqualTo("paid");
        String live = draftTrade(door, token, trader);
        reasons.add(executeTradeUntil(door, token, live, "allowed live", true));

        HttpResponse<String> budget = door.call("PUT", "/api/cp/subscriptions/" + trader.subscription() + "/budget", token,
                "{\"budget_minor_per_month\":1}");
        assertThat(budget.statusCode()).as(budget.body()).isBetween(200, 204);
        String overBudget = draftTrade(door, token, trader);
        reasons.add(executeTradeUntil(door, token, overBudget, "budget_exceeded", true));

        HttpResponse<String> cancelled = door.call("POST", "/api/cp/subscriptions/" + trader.subscription() + "/cancel",
                token, null);
        assertThat(json(cancelled).path("read_only").asBoolean()).as(cancelled.body()).isTrue();
        // read-only now: no new approval, the last one (never used: denied) is tried again
        reasons.add(executeTradeUntil(door, token, overBudget, "subscription_inactive", false));
        assertThat(approval).isNotBlank();
        return reasons;
    }

    record Trader(String subscription, String instance, String goal, String credentialRef) {
    }

    private static Trader tradingAgent(CpClient door, String token) {
        String apiKey = "delta-key-" + UUID.randomUUID();
        String apiSecret = "delta-secret-" + UUID.randomUUID();
        secrets.add(apiKey);
        secrets.add(apiSecret);
        HttpResponse<String> keys = door.call("PUT", "/api/cp/exchange-setup", token,
                "{\"exchange_provider\":\"delta_exchange_india\",\"api_key\":\"" + apiKey + "\",\"api_secret\":\""
                        + apiSecret + "\",\"default_coin\":\"BTC\",\"allowed_coins\":[\"BTC\"],\"max_units_per_order\":2,"
                        + "\"max_notional_inr\":200000}");
        assertThat(keys.statusCode()).as(keys.body()).isBetween(200, 201);
        JsonNode hired = json(door.call("POST", "/api/cp/subscriptions", token, "{\"agent_type_id\":\"trading.delta_futures.v1\"}"));
        Trader draft = new Trader(hired.path("subscription_id").asString(), hired.path("hired_instance_id").asString(), null,
                json(keys).path("credential_ref").asString());
        configureTrading(door, token, draft, 200000);
        HttpResponse<String> goal = door.call("PUT", "/api/cp/hired-agents/" + draft.instance() + "/goals", token,
                "{\"goal_template_id\":\"trading.trade_intent_draft\",\"frequency\":\"on_demand\",\"settings\":{\"coin\":\"BTC\","
                        + "\"intent\":\"enter\",\"side\":\"buy\",\"units\":1,\"order_type\":\"limit\",\"limit_price\":60000}}");
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        HttpResponse<String> finalized = door.call("POST", "/api/cp/hired-agents/" + draft.instance() + "/finalize", token, null);
        assertThat(json(finalized).path("trial_status").asString()).as(finalized.body()).isEqualTo("active");
        return new Trader(draft.subscription(), draft.instance(), json(goal).path("goal_instance_id").asString(),
                draft.credentialRef());
    }

    /** The trading instance's configuration, with this notional limit (an order of 1 BTC at 60 000 needs 60 000). */
    private static void configureTrading(CpClient door, String token, Trader trader, int maxNotionalInr) {
        HttpResponse<String> configured = door.call("PUT", "/api/cp/hired-agents/draft", token,
                "{\"subscription_id\":\"" + trader.subscription() + "\",\"config\":{\"nickname\":\"Desk\",\"theme\":\"slate\","
                        + "\"timezone\":\"Asia/Kolkata\",\"exchange_provider\":\"delta_exchange_india\","
                        + "\"exchange_credential_ref\":\"" + trader.credentialRef() + "\",\"allowed_coins\":[\"BTC\"],"
                        + "\"default_coin\":\"BTC\",\"risk_limits\":{\"max_units_per_order\":2,\"max_notional_inr\":"
                        + maxNotionalInr + "},\"execution_policy\":\"approval_required_per_trade_action\"}}");
        assertThat(json(configured).path("configured").asBoolean()).as(configured.body()).isTrue();
    }

    /** Runs the trading goal now and returns the trade plan it drafts. */
    private static String draftTrade(CpClient door, String token, Trader trader) {
        String path = "/api/cp/hired-agents/" + trader.instance() + "/deliverables?state=pending_review";
        HttpResponse<String> run = door.call("POST", "/api/cp/hired-agents/" + trader.instance() + "/goals/" + trader.goal()
                + "/run", token, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        JsonNode page = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(door.call("GET", path, token, null)), p -> p.path("total").asInt() >= 1);
        return page.path("deliverables").get(0).path("deliverable_id").asString();
    }

    /**
     * Places the plan's order until enforcement answers {@code wanted} ("allowed dry_run", "allowed
     * live" or a denial reason): a change the customer made (a risk limit, the plan, the budget, a
     * cancellation) reaches enforcement through the outbox a moment later, and every answer until
     * then is a decision of its own, verified like the rest. An allowed order is left to settle and,
     * when {@code reapprove}, the plan is approved again before the next try.
     */
    private static String executeTradeUntil(CpClient door, String token, String deliverable, String wanted,
            boolean reapprove) {
        String[] approval = {latestApproval(door, token, deliverable)};
        if (approval[0] == null) {
            approval[0] = review(door, token, deliverable, "approved");
        }
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> answer = FullFlowTest.decided(door, token, door.call("POST", "/api/cp/deliverables/"
                    + deliverable + "/execute", token, "{\"approval_id\":\"" + approval[0] + "\",\"action\":\"place_order\"}"));
            assertThat(answer.statusCode()).as(answer.body()).isIn(202, 403);
            JsonNode decided = json(answer);
            if (answer.statusCode() == 403) {
                return decided.path("reason").asString();
            }
            String mode = decided.path("mode").asString("live");
            String correlationId = decided.path("correlation_id").asString();
            (mode.equals("dry_run") ? dryRunCorrelations : allowedCorrelations).add(correlationId);
            // the dry-run connector's result settles it before the plan is approved again
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                    () -> json(door.call("GET", "/api/cp/deliverables/" + deliverable, token, null)),
                    d -> "dry_run".equals(d.path("state").asString()) || "executed".equals(d.path("state").asString()));
            if (reapprove) {
                approval[0] = review(door, token, deliverable, "approved");
            }
            return "allowed " + mode;
        }, wanted::equals);
    }

    /** The approval of the deliverable's last review when it approved, else null. */
    private static String latestApproval(CpClient door, String token, String deliverable) {
        JsonNode approval = json(door.call("GET", "/api/cp/deliverables/" + deliverable, token, null)).path("approval");
        return "approved".equals(approval.path("verdict").asString(null)) ? approval.path("approval_id").asString() : null;
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
