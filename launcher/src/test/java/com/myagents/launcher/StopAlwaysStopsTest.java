package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionDecision;

/**
 * SIGTERM always ends the launcher, in order and within its deadline, with status 0 — mid-load,
 * right after start and while it is still starting — and the next start on the same data loses
 * and duplicates nothing: every execution request that was written is decided exactly once,
 * every 403 a caller got is in the database with its decision.
 */
class StopAlwaysStopsTest {

    /** The spine: enough to write, relay, decide and materialise executions. */
    private static final List<String> SPINE = List.of("plant-store", "enforcement-streams", "ingest-api", "gateway", "cp-backend");
    /** Enough for a stream app just started (stores restoring, group joining) and the relay and materializer. */
    private static final List<String> CORE = List.of("plant-store", "enforcement-streams");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SAMPLE_DRAFT = "00000000-0000-0000-0000-00000000d001";
    /**
     * Every kind of stop once, then mid-load again on the data the others left; each start is a whole
     * launcher (about 15 s), so a soak that repeats the plan runs with {@code -Dstop.rounds=N}.
     */
    private static final List<String> PLAN = List.of("mid-load", "right-after-start", "while-starting", "mid-load");

    @TempDir
    Path dir;

    @AutoClose
    private LauncherProcess launcher;

    @Test
    void everySigtermEndsItWithinTheDeadlineAndTheNextStartLosesAndDuplicatesNothing() throws Exception {
        launcher = new LauncherProcess(dir.resolve("data"), SPINE);
        launcher.environment.put("MYAGENTS_STOP_TIMEOUT", Long.toString(DEADLINE.toSeconds()));
        Set<String> answered403 = ConcurrentHashMap.newKeySet();
        List<String> stops = new ArrayList<>();
        List<String> plan = new ArrayList<>();
        for (int round = 0; round < Integer.getInteger("stop.rounds", 1); round++) {
            plan.addAll(PLAN);
        }
        for (int i = 0; i < plan.size(); i++) {
            String kind = plan.get(i);
            Path log = dir.resolve("launcher-" + i + ".log");
            launcher.start(log, kind.equals("mid-load") ? SPINE : CORE);
            switch (kind) {
                case "while-starting" -> launcher.awaitLog("up  kafka");
                case "right-after-start" -> launcher.awaitReady();
                default -> {
                    launcher.awaitReady();
                    driveLoadThenStop(answered403);
                }
            }
            if (!kind.equals("mid-load")) {
                launcher.terminate();
            }
            long sent = System.nanoTime();
            Integer status = launcher.awaitExit(DEADLINE.plusSeconds(10));
            long took = (System.nanoTime() - sent) / 1_000_000;
            String output = Files.readString(log);
            assertThat(status).as("stop %d (%s) ended; log %s", i, kind, log).isNotNull();
            assertThat(status).as("stop %d (%s) exit status after %d ms; log:%n%s", i, kind, took, tail(output)).isZero();
            assertThat(took).as("stop %d (%s) took", i, kind).isLessThan(DEADLINE.toMillis());
            assertThat(output).as("stop %d (%s)", i, kind).contains("myagents stopped in");
            if (i == 0) {
                assertThat(output).as("a progress line per component, then the summary").contains("up  kafka", "up  topics",
                        "up  postgresql", "up  plant-store", "up  enforcement-streams", "up  cp-backend", "myagents is up in",
                        "stopped doors in", "stopped stream apps in", "stopped kafka in", "stopped postgresql in");
            }
            stops.add(kind + " " + took + " ms" + (output.contains("did not stop within") ? " (a step overran)" : ""));
        }
        System.out.println("stops: " + stops);

        // The next start recovers: everything written is decided, once; every 403 is on record
        launcher.start(dir.resolve("launcher-final.log"), SPINE).awaitReady();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("select count(*) from plant.execution_requests r where not exists (select 1 from "
                        + "plant.execution_decisions d where d.correlation_id = r.correlation_id)") == 0);
        List<String> requests = strings("select correlation_id from plant.execution_requests");
        assertThat(requests).doesNotHaveDuplicates().containsAll(answered403);
        assertThat(count("select count(*) from plant.execution_decisions")).isEqualTo(requests.size());
        Map<String, Long> onTopic = decisions().stream()
                .collect(Collectors.groupingBy(ExecutionDecision::correlationId, Collectors.counting()));
        assertThat(onTopic.keySet()).containsExactlyInAnyOrderElementsOf(requests);
        assertThat(onTopic).allSatisfy((id, n) -> assertThat(n).as("decisions of %s", id).isEqualTo(1));
        assertThat(answered403).as("load reached the spine").hasSizeGreaterThan(10);
        launcher.terminate();
        assertThat(launcher.awaitExit(DEADLINE)).isZero();
    }

    /** Four callers execute the sample draft without approval (403 each) until SIGTERM comes, 2 s in. */
    private void driveLoadThenStop(Set<String> answered403) throws Exception {
        CpClient door = new CpClient(launcher.cp());
        String token = door.login("demo@myagents.local", "demo-password");
        AtomicBoolean going = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            callers.submit(() -> {
                while (going.get()) {
                    try {
                        HttpResponse<String> response = door.call("POST", "/api/cp/deliverables/" + SAMPLE_DRAFT
                                + "/execute", token, "{}");
                        if (response.statusCode() == 403) {
                            answered403.add(CpClient.json(response).path("correlation_id").asString());
                        }
                    } catch (RuntimeException stoppedListening) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(2_000);
        launcher.terminate();
        going.set(false);
        callers.shutdown();
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private List<ExecutionDecision> decisions() {
        // the broker is secured: read as the auditor, whose password is in the launcher's data directory
        String password = LocalSecrets.loadOrCreate(launcher.dataDir).get(KafkaAccessPolicy.passwordName(KafkaAccessPolicy.AUDITOR));
        Map<String, Object> client = com.myagents.contracts.security.KafkaClientSecurity.scram(KafkaAccessPolicy.AUDITOR, password)
                .applyTo(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, launcher.bootstrapServers()));
        return CommittedTopic.read(Topics.EXECUTION_DECISIONS, client, "myagents-audit-stop-");
    }

    private long count(String sql) {
        return sql().count(sql);
    }

    private List<String> strings(String sql) {
        return sql().strings(sql);
    }

    /** The embedded PostgreSQL checks passwords: the superuser's is in the launcher's data directory. */
    private SuperuserSql sql() {
        return new SuperuserSql(launcher.jdbcUrl(),
                LocalSecrets.loadOrCreate(launcher.dataDir).get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
