package com.myagents.goals.app;

import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.goals.Fixtures;
import com.myagents.goals.GoalRunnerApplication;
import com.myagents.goals.marketing.ContentGenerator;
import com.myagents.goals.marketing.TemplateContentGenerator;
import com.myagents.streams.ManagedStreams;
import com.myagents.testsupport.SharedTestInfra;

/**
 * Two goal-runner instances (two Kafka Streams with one application id) on a real broker: due
 * periods and on-demand runs become drafts exactly once, through rebalances and the loss of an
 * instance whose tasks are then restored from their changelogs on the other.
 */
class TwoRunnersOnTheBrokerTest {

    final List<ConfigurableApplicationContext> runners = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopRunners() {
        runners.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext startRunner(String name) throws IOException {
        Path stateDir = Files.createTempDirectory("goal-runner-" + name + "-");
        ConfigurableApplicationContext runner = GoalRunnerApplication.builder().run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + SharedTestInfra.kafkaBootstrapServers(),
                "--myagents.goal-runner.state-dir=" + stateDir,
                "--myagents.goal-runner.punctuation-interval=200ms",
                // a closed instance's partitions move after this at the latest (Streams does not always leave on close)
                "--myagents.goal-runner.streams.[consumer.session.timeout.ms]=6000",
                "--myagents.goal-runner.streams.[consumer.heartbeat.interval.ms]=1000");
        runners.add(runner);
        return runner;
    }

    String health(ConfigurableApplicationContext runner) throws Exception {
        String port = runner.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void twoRunnersDraftEachDuePeriodAndEachOnDemandRunExactlyOnce() throws Exception {
        String hired = id();
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        send(Topics.HIRED_AGENTS, hired, Fixtures.tradingAgent(hired));
        List<String> scheduled = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            scheduled.add(id());
        }
        String onDemand = id();

        ConfigurableApplicationContext first = startRunner("a");
        await().atMost(Duration.ofSeconds(60)).until(() -> health(first).startsWith("200"));
        // alone in its group, the first runner holds every task: that is how many there are
        ManagedStreams firstStreams = first.getBean(ManagedStreams.class);
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1))
                .until(() -> firstStreams.state() == KafkaStreams.State.RUNNING && firstStreams.activeTaskCount() > 0);
        int allTasks = firstStreams.activeTaskCount();
        for (String goalId : scheduled) {
            send(Topics.GOAL_CHANGES, goalId, goal(goalId, hired, "trading.close_position_reminder", "daily", "00:00", "UTC",
                    Map.of("coins", List.of("BTC")), true, twoDaysAgo));
        }
        send(Topics.GOAL_CHANGES, onDemand, goal(onDemand, hired, "trading.trade_intent_draft", "on_demand", null, null,
                Map.of("coin", "ETH", "intent", "enter", "side", "buy", "units", 1, "order_type", "market"), true, twoDaysAgo));
        ConfigurableApplicationContext second = startRunner("b");
        GoalTrigger request = new GoalTrigger(onDemand + ":on_demand:req-1", onDemand, "trading.trade_intent_draft", hired,
                Fixtures.SUBSCRIPTION, Fixtures.CUSTOMER, "on_demand:req-1", Instant.now());
        send(Topics.GOAL_TRIGGERS, onDemand, request);
        send(Topics.GOAL_TRIGGERS, onDemand, request);

        Set<String> ours = new java.util.HashSet<>(scheduled);
        ours.add(onDemand);
        Committed<DeliverableDraft> drafts = new Committed<>(Topics.DELIVERABLE_DRAFTS, d -> ours.contains(d.goalInstanceId()));
        Committed<GoalTrigger> triggers = new Committed<>(Topics.GOAL_TRIGGERS, t -> ours.contains(t.goalInstanceId()));
        try (drafts; triggers) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(drafts.poll()).extracting(DeliverableDraft::goalInstanceId).hasSameSizeAs(ours)
                            .containsAll(ours));
            await().atMost(Duration.ofSeconds(30)).until(() -> health(second).contains("\"UP\""));

            // more punctuations and a settled rebalance: the second runner's readiness can come before the
            // follow-up rebalance hands it tasks, so wait until both hold a share of every task, steadily
            ManagedStreams survivor = second.getBean(ManagedStreams.class);
            await("both runners share the work").atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(2))
                    .until(() -> sharesWork(firstStreams, allTasks) && sharesWork(survivor, allTasks)
                            && firstStreams.activeTaskCount() + survivor.activeTaskCount() == allTasks);
            // then the loss of one runner: its tasks move to the survivor and restore from their changelogs
            first.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> survivor.state() == KafkaStreams.State.RUNNING
                    && survivor.activeTaskCount() == allTasks);
            Thread.sleep(3_000);

            List<DeliverableDraft> all = drafts.poll();
            assertThat(countBy(all, DeliverableDraft::deliverableId).values()).as("one draft per deliverable id").containsOnly(1L);
            assertThat(all).hasSize(ours.size());
            List<GoalTrigger> fired = triggers.poll().stream().filter(t -> !t.periodKey().startsWith("on_demand:")).toList();
            assertThat(countBy(fired, GoalTrigger::runId).values()).as("one trigger per period").containsOnly(1L);
            assertThat(fired).hasSize(scheduled.size());
        }
        var beans = second.getBeanFactory();
        assertThat(beans.getDependenciesForBean("tradingPlanner")).as("no content generator is wired into the trading planner")
                .noneMatch(name -> ContentGenerator.class.isAssignableFrom(beans.getType(name)));
        assertThat(beans.getDependenciesForBean("marketingPlanner")).contains("contentGenerator");
        assertThat(beans.getBean(ContentGenerator.class)).isInstanceOf(TemplateContentGenerator.class);
    }

    static boolean sharesWork(ManagedStreams runner, int allTasks) {
        int tasks = runner.activeTaskCount();
        return runner.state() == KafkaStreams.State.RUNNING && tasks >= 1 && tasks < allTasks;
    }

    static <T> Map<String, Long> countBy(Collection<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    static <V> void send(Topic<String, V> topic, String key, V value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value))).get();
        }
    }

    /** Everything committed on a topic that matches, read from the beginning as a read_committed consumer sees it. */
    static final class Committed<V> implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Topic<String, V> topic;
        private final java.util.function.Predicate<V> ours;
        private final List<V> seen = new ArrayList<>();

        Committed(Topic<String, V> topic, java.util.function.Predicate<V> ours) {
            this.topic = topic;
            this.ours = ours;
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "goal-runner-test-" + id());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic.name()));
        }

        List<V> poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                V value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
                if (value != null && ours.test(value)) {
                    seen.add(value);
                }
            }
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

}
