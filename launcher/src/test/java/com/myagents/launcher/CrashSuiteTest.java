package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.embedded.EmbeddedKafkaBroker;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.embedded.FreePorts;

/**
 * Crashes under load, bounded in time: enforcement-streams and goal-runner-streams run as their
 * own processes and are killed with SIGKILL mid-load and started again; the Kafka broker stops
 * mid-load and comes back on its data; PostgreSQL goes away for a while. Afterwards: requests =
 * allowed + denied exactly, no duplicate command, no duplicate draft, no lost decision, every
 * denial in the table once.
 */
class CrashSuiteTest {

    @TempDir
    static Path dataDir;

    static volatile EmbeddedKafkaBroker kafka;
    static int kafkaPort = FreePorts.next();
    static int kafkaControllerPort = FreePorts.next();
    static EmbeddedPostgresServer postgres;
    static int postgresPort = FreePorts.next();
    static LocalStack stack;
    static ChildService enforcement;
    static ChildService goalRunner;
    static CpClient door;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, kafkaControllerPort);
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort, "myagents");
        LocalStackOptions options = new LocalStackOptions(dataDir.resolve("stack"), LocalStackOptions.Ports.free(),
                kafka.bootstrapServers(), new LocalStackOptions.ExternalDatabase(postgres.jdbcUrl(), "postgres", ""), true,
                Set.of("plant-store", "ingest-api", "gateway", "cp-backend"), Map.of("myagents.execute.decision-wait", "2s"));
        stack = LocalStack.start(options);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DATABASE_URL", postgres.jdbcUrl());
        env.put("MYAGENTS_DATA_DIR", options.dataDir().toString());
        // Producers give up after 5 s instead of 60 s, so that a broker away for a few seconds already
        // times out transactions and kills stream threads: the suite sees them recover, not ride it out.
        String maxBlock = System.getProperty("crash.max-block-ms", "5000");
        env.put("SPRING_APPLICATION_JSON", "{\"myagents.enforcement.streams[producer.max.block.ms]\":\"" + maxBlock + "\","
                + "\"myagents.goal-runner.streams[producer.max.block.ms]\":\"" + maxBlock + "\"}");
        Path logs = Path.of("target", "crash-suite");
        try {
            java.nio.file.Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        enforcement = new ChildService("enforcement-streams", FreePorts.next(), new HashMap<>(env), logs.resolve("enforcement.log")).start();
        goalRunner = new ChildService("goal-runner-streams", FreePorts.next(), new HashMap<>(env), logs.resolve("goal-runner.log")).start();
        door = new CpClient("http://localhost:" + options.ports().cpBackend());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {goalRunner, enforcement, stack, postgres, kafka}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // best effort: the JVM is ending
            }
        }
    }

    @Test
    void killedStreamsAndALostDatabaseLoseAndDuplicateNothing() throws Exception {
        String token = Journeys.freshCustomer(door, postgres.jdbcUrl(), "");
        Journeys.Agent agent = Journeys.configuredMarketingAgent(door, token);

        // Goal runs while the goal runner is killed and restarted: no draft twice
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if (i == 3) {
                goalRunner.kill();
                goalRunner.start();
            }
            HttpResponse<String> run = door.call("POST", "/api/cp/hired-agents/" + agent.instance() + "/goals/" + agent.goal()
                    + "/run", token, null);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
            runs.add(json(run).path("run_id").asString());
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("select count(*) from plant.deliverables where hired_instance_id = '" + agent.instance()
                        + "'") >= runs.size() * 2L);

        // Executions while enforcement is killed and restarted: approved ones (each twice) and unapproved ones
        List<String> drafts = json(door.call("GET", "/api/cp/hired-agents/" + agent.instance()
                + "/deliverables?state=pending_review&size=200", token, null)).path("deliverables").valueStream()
                .map(d -> d.path("deliverable_id").asString()).toList();
        Map<String, String> approvals = new HashMap<>();
        for (String draft : drafts.subList(0, drafts.size() / 2)) {
            approvals.put(draft, json(door.call("POST", "/api/cp/deliverables/" + draft + "/review", token,
                    "{\"decision\":\"approved\"}")).path("approval").path("approval_id").asString());
        }
        List<String> bodies = new ArrayList<>();
        for (String draft : drafts) {
            String approval = approvals.get(draft);
            String body = approval == null ? "{}" : "{\"approval_id\":\"" + approval + "\"}";
            bodies.add(draft + "|" + body);
            bodies.add(draft + "|" + body);
        }
        // ... and then the broker stops and comes back while the last third is still being sent
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        CompletableFuture<Void> brokerOutage = null;
        for (int i = 0; i < bodies.size(); i++) {
            String[] call = bodies.get(i).split("\\|", 2);
            answers.add(load.submit(() -> door.call("POST", "/api/cp/deliverables/" + call[0] + "/execute", token, call[1])));
            if (i == bodies.size() / 3) {
                enforcement.kill();
            }
            if (i == bodies.size() / 2) {
                enforcement.start();
            }
            if (i == bodies.size() * 2 / 3) {
                brokerOutage = CompletableFuture.runAsync(() -> restartBroker(Duration.ofSeconds(Long.getLong("crash.broker-away", 8))));
            }
        }
        long unanswered = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            // while the broker is away a call may time out, but only cleanly: problem+json, never a decision
            if (response.statusCode() == 503 || response.statusCode() == 504) {
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                unanswered++;
            } else {
                assertThat(response.statusCode()).as(response.body()).isIn(202, 403);
            }
        }
        brokerOutage.get();
        load.shutdown();

        // PostgreSQL goes away for a while: the materializer waits and catches up
        postgres.close();
        Thread.sleep(4_000);
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort, "myagents");

        // Then every accepted request is decided exactly once, everywhere
        String forAgent = "(select correlation_id from plant.execution_requests where hired_instance_id = '" + agent.instance() + "')";
        long requests = count("select count(*) from plant.execution_requests where hired_instance_id = '" + agent.instance() + "'");
        // a call that timed out may or may not have been persisted; whatever was persisted must be decided
        assertThat(requests).isBetween(bodies.size() - unanswered, (long) bodies.size());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("select count(*) from plant.execution_decisions where correlation_id in " + forAgent) == requests);
        // every client recovered by itself: no child process was restarted after the broker came back
        enforcement.awaitHealthy();
        goalRunner.awaitHealthy();
        Set<String> ours = Set.copyOf(strings("select correlation_id from plant.execution_requests where hired_instance_id = '"
                + agent.instance() + "'"));
        List<ExecutionDecision> decisions = read(Topics.EXECUTION_DECISIONS).stream()
                .filter(d -> ours.contains(d.correlationId())).toList();
        Map<String, Long> perRequest = decisions.stream().collect(Collectors.groupingBy(ExecutionDecision::correlationId, Collectors.counting()));
        assertThat(perRequest).hasSize((int) requests).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        long allowed = decisions.stream().filter(ExecutionDecision::allowed).count();
        long denied = decisions.size() - allowed;
        assertThat(allowed + denied).isEqualTo(requests);

        List<ExecutionCommand> commands = read(Topics.EXECUTION_COMMANDS).stream().filter(c -> ours.contains(c.correlationId())).toList();
        assertThat(commands).hasSize((int) allowed);
        assertThat(commands).extracting(ExecutionCommand::approvalId).doesNotHaveDuplicates();
        assertThat(commands).extracting(ExecutionCommand::idempotencyKey).doesNotHaveDuplicates();

        List<EnforcementDenial> denials = read(Topics.ENFORCEMENT_DENIALS).stream().filter(d -> ours.contains(d.correlationId())).toList();
        assertThat(denials).hasSize((int) denied).extracting(EnforcementDenial::correlationId).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("select count(*) from plant.enforcement_denials where correlation_id in " + forAgent) == denied);

        List<DeliverableDraft> drafted = read(Topics.DELIVERABLE_DRAFTS).stream()
                .filter(d -> agent.instance().equals(d.hiredInstanceId())).toList();
        assertThat(drafted).extracting(DeliverableDraft::deliverableId).doesNotHaveDuplicates();
        assertThat(drafted.stream().map(DeliverableDraft::runId).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(runs);
    }

    static void restartBroker(Duration away) {
        kafka.close();
        try {
            Thread.sleep(away.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, kafkaControllerPort);
    }

    static <V> List<V> read(Topic<String, V> topic) {
        return CommittedTopic.read(topic, Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                "crash-verifier-");
    }

    static long count(String sql) {
        return new SuperuserSql(postgres.jdbcUrl(), "").count(sql);
    }

    static List<String> strings(String sql) {
        return new SuperuserSql(postgres.jdbcUrl(), "").strings(sql);
    }
}
