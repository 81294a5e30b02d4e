package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.security.KafkaClientSecurity;

/**
 * Two instances of every service, each set in its own launcher JVM, on one broker and one database
 * (the first JVM's embedded ones; the second is told where they are, as a second machine would be):
 * the second starts while customers execute through the first, so every stream app, the materializer
 * and connectors rebalance under load. Then: an execute sent through either door is answered with its
 * decision by the instance that took it, a principal's rate limit holds across both gateways, and the
 * second stops for good under load. Every request written was decided exactly once — none lost, none
 * twice — on the topics and in PostgreSQL.
 */
class TwoInstancesOfEveryServiceTest {

    private static final int BURST = 40;
    private static final double PER_SECOND = 4;
    private static final String DEMO_DRAFT = "00000000-0000-0000-0000-00000000d001";
    /** Executions of drafts of this many subscriptions: keys spread over the partitions, so both instances decide. */
    private static final int SUBSCRIPTIONS = 8;

    @TempDir
    Path dir;

    @AutoClose
    private LauncherProcess first;
    @AutoClose
    private LauncherProcess second;

    @Test
    void twoOfEachShareRateLimitsAnswerEveryExecuteAndRebalanceWithoutLosingOrDuplicatingADecision() throws Exception {
        first = limited(new LauncherProcess(dir.resolve("first"), LocalStackOptions.ALL_SERVICES));
        first.start(dir.resolve("first.log")).awaitReady();
        CpClient firstDoor = new CpClient(first.cp());
        List<String> drafts = draftsOfSubscriptions();
        Load load = new Load(firstDoor.login("demo@myagents.local", "demo-password"), drafts, firstDoor);

        // the second instance of everything joins while executions go through the first
        second = limited(new LauncherProcess(dir.resolve("second"), LocalStackOptions.ALL_SERVICES));
        second.environment.putAll(sharedWith(first));
        load.start();
        second.start(dir.resolve("second.log")).awaitReady();
        CpClient secondDoor = new CpClient(second.cp());
        assertThat(load.answered403.size()).as("executions were decided while the second instance joined; %s", load.others)
                .isPositive();

        // both up: every execute through either door is answered with its decision (403: no approval)
        Load both = new Load(load.token, drafts, firstDoor, secondDoor);
        load.stop();
        both.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> both.answeredBy(firstDoor) >= 8 && both.answeredBy(secondDoor) >= 8);
        both.stop();
        assertThat(both.others).as("every call through either door answered 403 with its decision").isEmpty();

        assertThat(activeTasks(first, "enforcement-streams")).as("enforcement tasks on the first").isPositive();
        assertThat(activeTasks(second, "enforcement-streams")).as("enforcement tasks on the second").isPositive();

        rateLimitHoldsAcrossBothGateways(firstDoor, secondDoor);

        // the second instance stops for good under load: the first takes its partitions over
        Load during = new Load(load.token, drafts, firstDoor, secondDoor);
        during.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> during.answeredBy(firstDoor) >= 4);
        second.terminate();
        assertThat(second.awaitExit(Duration.ofSeconds(40))).as("the second instance's stop").isZero();
        int beforeStop = during.answeredBy(firstDoor);
        await().atMost(Duration.ofSeconds(90)).until(() -> during.answeredBy(firstDoor) >= beforeStop + 8);
        during.stop();

        // every request written was decided exactly once, whichever instance decided it; a stopped
        // enforcement instance's partitions wait out its static membership's session timeout (45 s)
        SuperuserSql sql = sql();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                sql.count("select count(*) from plant.execution_requests r where not exists (select 1 from "
                        + "plant.execution_decisions d where d.correlation_id = r.correlation_id)") == 0);
        List<String> requests = sql.strings("select correlation_id from plant.execution_requests");
        assertThat(requests).doesNotHaveDuplicates().containsAll(load.answered403).containsAll(both.answered403)
                .containsAll(during.answered403);
        assertThat(sql.count("select count(*) from plant.execution_decisions")).isEqualTo(requests.size());
        Map<String, Long> decisions = auditorRead().decisions().stream()
                .collect(Collectors.groupingBy(ExecutionDecision::correlationId, Collectors.counting()));
        assertThat(decisions.keySet()).containsExactlyInAnyOrderElementsOf(requests);
        assertThat(decisions).allSatisfy((id, n) -> assertThat(n).as("decisions of %s", id).isEqualTo(1));
        Map<String, Long> denials = auditorRead().denials().stream()
                .collect(Collectors.groupingBy(EnforcementDenial::correlationId, Collectors.counting()));
        assertThat(denials.keySet()).containsExactlyInAnyOrderElementsOf(requests);
        assertThat(denials).allSatisfy((id, n) -> assertThat(n).as("denials of %s", id).isEqualTo(1));
        System.out.printf("two instances: %d requests decided once each; 403s while the second joined %d, through "
                + "both %d/%d, while it stopped %d (other answers then: %d)%n", requests.size(), load.answered403.size(),
                both.answeredBy(firstDoor), both.answeredBy(secondDoor), during.answered403.size(), during.others.size());
    }

    /**
     * A fresh customer's calls split between the two doors (so the two gateways): once the one budget
     * is spent both answer 429. Per-instance buckets would have let {@code 2 × BURST} through.
     */
    private void rateLimitHoldsAcrossBothGateways(CpClient firstDoor, CpClient secondDoor) throws Exception {
        String token = Journeys.freshCustomer(firstDoor, first.jdbcUrl(), superuserPassword());
        List<CpClient> doors = List.of(firstDoor, secondDoor);
        Map<CpClient, AtomicInteger> passed = Map.of(firstDoor, new AtomicInteger(), secondDoor, new AtomicInteger());
        Map<CpClient, AtomicInteger> limited = Map.of(firstDoor, new AtomicInteger(), secondDoor, new AtomicInteger());
        List<String> unexpected = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        long begin = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 3 * BURST; i++) {
            CpClient door = doors.get(i % 2);
            calls.add(callers.submit(() -> {
                HttpResponse<String> response = door.call("GET", "/api/cp/hired-agents/" + UUID.randomUUID(), token, null);
                if (response.statusCode() == 429) {
                    limited.get(door).incrementAndGet();
                    if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        unexpected.add("429 without problem+json: " + response.body());
                    }
                } else if (response.statusCode() == 404) {
                    passed.get(door).incrementAndGet();
                } else {
                    unexpected.add(response.statusCode() + " " + response.body());
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        callers.shutdown();

        int through = passed.get(firstDoor).get() + passed.get(secondDoor).get();
        assertThat(unexpected).isEmpty();
        assertThat(through).as("the burst, whichever gateway took the calls").isGreaterThanOrEqualTo(BURST);
        assertThat(through).as("one budget for both gateways: the burst and what %.1f s refilled", seconds)
                .isLessThanOrEqualTo(BURST + (int) Math.ceil(PER_SECOND * seconds) + 1);
        assertThat(limited.get(firstDoor).get()).as("429s through the first gateway").isPositive();
        assertThat(limited.get(secondDoor).get()).as("429s through the second gateway").isPositive();
    }

    /** A tight rate limit (BURST at once, PER_SECOND after), the same for every instance. */
    private static LauncherProcess limited(LauncherProcess launcher) {
        launcher.environment.put("MYAGENTS_GATEWAY_RATE_LIMIT_BURST", Integer.toString(BURST));
        launcher.environment.put("MYAGENTS_GATEWAY_RATE_LIMIT_PER_SECOND", Double.toString(PER_SECOND));
        return launcher;
    }

    /**
     * What a second instance shares with the first, as the README says: the keys and passwords (as
     * MYAGENTS_* variables), the broker and the database (with the schema owner for Flyway). Its data
     * directory (stream state, instance ids) and its ports are its own.
     */
    private static Map<String, String> sharedWith(LauncherProcess first) throws IOException {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(first.dataDir.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        Map<String, String> env = new HashMap<>();
        secrets.stringPropertyNames().forEach(name -> env.put(LocalSecrets.environmentVariable(name), secrets.getProperty(name)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", first.bootstrapServers());
        env.put("DATABASE_URL", first.jdbcUrl());
        env.put("DATABASE_USER", DatabaseRoles.OWNER);
        env.put("DATABASE_PASSWORD", secrets.getProperty(DatabaseRoles.OWNER_PASSWORD));
        return env;
    }

    /**
     * The demo draft and copies of it under further subscriptions of the demo customer: requests keyed
     * by subscription land on several partitions. Enforcement has never seen those subscriptions
     * (they are rows only), so their requests are denied too; what counts here is that each is decided once.
     */
    private List<String> draftsOfSubscriptions() {
        List<String> drafts = new ArrayList<>(List.of(DEMO_DRAFT));
        for (int i = 1; i < SUBSCRIPTIONS; i++) {
            String subscription = UUID.randomUUID().toString();
            String instance = UUID.randomUUID().toString();
            String draft = UUID.randomUUID().toString();
            sql().execute("""
                    create temp table s as select * from plant.subscriptions where subscription_id = (select subscription_id from plant.deliverables where deliverable_id = '%4$s');
                    update s set subscription_id = '%1$s';
                    insert into plant.subscriptions select * from s;
                    create temp table h as select * from plant.hired_agents where hired_instance_id = (select hired_instance_id from plant.deliverables where deliverable_id = '%4$s');
                    update h set hired_instance_id = '%2$s', subscription_id = '%1$s';
                    insert into plant.hired_agents select * from h;
                    create temp table d as select * from plant.deliverables where deliverable_id = '%4$s';
                    update d set deliverable_id = '%3$s', hired_instance_id = '%2$s', subscription_id = '%1$s';
                    insert into plant.deliverables select * from d;
                    """.formatted(subscription, instance, draft, DEMO_DRAFT));
            drafts.add(draft);
        }
        return drafts;
    }

    /** Callers executing the drafts without approval through the given doors, paced below the rate limit. */
    private static final class Load {

        final String token;
        final List<String> drafts;
        final List<CpClient> doors;
        final Set<String> answered403 = ConcurrentHashMap.newKeySet();
        final Map<CpClient, AtomicInteger> answered = new ConcurrentHashMap<>();
        final List<String> others = new CopyOnWriteArrayList<>();
        private final AtomicBoolean going = new AtomicBoolean(true);
        private final ExecutorService callers = Executors.newFixedThreadPool(2);

        Load(String token, List<String> drafts, CpClient... doors) {
            this.token = token;
            this.drafts = drafts;
            this.doors = List.of(doors);
        }

        void start() {
            for (int c = 0; c < 2; c++) {
                int caller = c;
                callers.submit(() -> {
                    for (int i = caller; going.get(); i += 2) {
                        CpClient door = doors.get(i % doors.size());
                        try {
                            HttpResponse<String> response = door.call("POST", "/api/cp/deliverables/"
                                    + drafts.get(i % drafts.size()) + "/execute", token, "{}");
                            if (response.statusCode() == 403) {
                                answered403.add(CpClient.json(response).path("correlation_id").asString());
                                answered.computeIfAbsent(door, d -> new AtomicInteger()).incrementAndGet();
                            } else {
                                others.add(response.statusCode() + " " + response.body());
                            }
                        } catch (IllegalStateException unanswered) {
                            others.add("no answer: " + unanswered.getCause());
                        }
                        Thread.sleep(600);
                    }
                    return null;
                });
            }
        }

        int answeredBy(CpClient door) {
            AtomicInteger count = answered.get(door);
            return count == null ? 0 : count.get();
        }

        void stop() throws InterruptedException {
            going.set(false);
            callers.shutdown();
            assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The active task count a stream app's readiness reports. */
    private static int activeTasks(LauncherProcess launcher, String service) throws Exception {
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + launcher.ports().managementOf(service) + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        return CpClient.json(readiness).path("components").path("streams").path("details").path("active_tasks").asInt();
    }

    private record Audit(Map<String, Object> client) {

        List<ExecutionDecision> decisions() {
            return CommittedTopic.read(Topics.EXECUTION_DECISIONS, client, "myagents-audit-two-");
        }

        List<EnforcementDenial> denials() {
            return CommittedTopic.read(Topics.ENFORCEMENT_DENIALS, client, "myagents-audit-two-");
        }
    }

    /** The broker is secured: read as the auditor, whose password is in the first launcher's data directory. */
    private Audit auditorRead() {
        String password = LocalSecrets.loadOrCreate(first.dataDir).get(KafkaAccessPolicy.passwordName(KafkaAccessPolicy.AUDITOR));
        return new Audit(KafkaClientSecurity.scram(KafkaAccessPolicy.AUDITOR, password)
                .applyTo(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers())));
    }

    private String superuserPassword() {
        return LocalSecrets.loadOrCreate(first.dataDir).get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD);
    }

    private SuperuserSql sql() {
        return new SuperuserSql(first.jdbcUrl(), superuserPassword());
    }
}
