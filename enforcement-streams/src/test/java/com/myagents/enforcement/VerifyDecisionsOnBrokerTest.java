package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.approved;
import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.Topics;
import com.myagents.enforcement.policy.EnforcementPolicy;
import com.myagents.enforcement.verify.VerifyDecisionsCommand;
import com.myagents.testsupport.SharedTestInfra;

/**
 * {@code verify-decisions} reads the decision topics of a real broker (no database), in a
 * time range, with the client settings given, and re-decides what it finds.
 */
class VerifyDecisionsOnBrokerTest {

    @Test
    void reDecidesTheDecisionsOfATimeRangeFromTheBrokersTopics() throws Exception {
        String bootstrap = SharedTestInfra.kafkaBootstrapServers();
        TopicProvisioner.ensureTopics(bootstrap, (short) 1);
        int produced = 0;
        try (EnforcementDriver enforcement = new EnforcementDriver();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            enforcement.subscription(Scenario.trial(5, 2, 10_000));
            enforcement.approve(approved("approval-1", "deliverable-1"));
            enforcement.send(request("corr-ok", "deliverable-1", "approval-1"));
            enforcement.send(request("corr-missing", "deliverable-2", null));
            enforcement.askToRun(GoalRunMeteringTest.ask("run-1", Scenario.DAILY_POST));
            for (var decision : enforcement.decisions()) {
                producer.send(new ProducerRecord<>(Topics.EXECUTION_DECISIONS.name(), decision.key,
                        Topics.EXECUTION_DECISIONS.valueSerde().serializer().serialize("", decision.value))).get();
                produced++;
            }
            for (var decision : enforcement.goalRunDecisions()) {
                producer.send(new ProducerRecord<>(Topics.GOAL_RUN_DECISIONS.name(), decision.key,
                        Topics.GOAL_RUN_DECISIONS.valueSerde().serializer().serialize("", decision.value))).get();
                produced++;
            }
        }
        Path config = Files.createTempFile("verify-", ".properties");
        Files.writeString(config, "client.id=auditor-verify\n");
        // the driver decides on its own clock: this window holds only its decisions
        String from = EnforcementDriver.START.toString();
        String to = EnforcementDriver.START.plus(Duration.ofDays(1)).toString();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyDecisionsCommand.run(new String[] {"--from", from, "--to", to, "--bootstrap-servers", bootstrap,
                "--command-config", config.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(produced).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("policy " + EnforcementPolicy.VERSION + ": re-decided "
                + produced + " of " + produced + " identically");
        assertThat(status).isZero();
    }

    @Test
    void anEmptyRangeSaysSoAndBadArgumentsExitWith64() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        int empty = VerifyDecisionsCommand.run(new String[] {"--from", "2001-01-01T00:00:00Z", "--to", "2001-01-02T00:00:00Z",
                "--bootstrap-servers", SharedTestInfra.kafkaBootstrapServers()}, print, errors);
        int badTime = VerifyDecisionsCommand.run(new String[] {"--from", "yesterday"}, print, errors);
        int unknown = VerifyDecisionsCommand.run(new String[] {"--frm", "x"}, print, errors);
        int missing = VerifyDecisionsCommand.run(new String[] {"--to"}, print, errors);

        assertThat(empty).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no decisions in the range");
        assertThat(badTime).isEqualTo(VerifyDecisionsCommand.USAGE);
        assertThat(unknown).isEqualTo(VerifyDecisionsCommand.USAGE);
        assertThat(missing).isEqualTo(VerifyDecisionsCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --frm", "--to needs a value", "usage:");
    }

}
