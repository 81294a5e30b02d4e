package com.myagents.goals.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.Fixtures;

/**
 * The hired instances as a processor reads them from their global store: always the latest state
 * (a change is seen at once, a removed instance is gone), and the same state is parsed once, not
 * once per run.
 */
class HiredAgentsTest {

    private final AtomicInteger parsed = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, HiredAgentChange> agents;
    private TestInputTopic<String, String> asks;
    private TestOutputTopic<String, String> zones;

    @BeforeEach
    void start() {
        Serde<HiredAgentChange> json = Topics.HIRED_AGENTS.valueSerde();
        Deserializer<HiredAgentChange> counting = (topic, data) -> {
            parsed.incrementAndGet();
            return json.deserializer().deserialize(topic, data);
        };
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable("agents", Consumed.with(Serdes.String(), Serdes.serdeFrom(json.serializer(), counting)),
                Materialized.as(Stores.inMemoryKeyValueStore("agents")));
        builder.stream("asks", Consumed.with(Serdes.String(), Serdes.String()))
                .process(ZoneOf::new)
                .to("zones", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hired-agents-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "driver:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        agents = driver.createInputTopic("agents", new StringSerializer(), json.serializer());
        asks = driver.createInputTopic("asks", new StringSerializer(), new StringSerializer());
        zones = driver.createOutputTopic("zones", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void theSameInstanceIsParsedOnceAndAChangeIsSeenAtOnce() {
        agents.pipeInput("h-1", Fixtures.marketingAgent("h-1", "Asia/Kolkata"));
        int afterPublishing = parsed.get();

        asks.pipeInput("h-1", "h-1");
        asks.pipeInput("h-1", "h-1");
        asks.pipeInput("h-1", "h-1");

        assertThat(zones.readValuesToList()).containsExactly("Asia/Kolkata", "Asia/Kolkata", "Asia/Kolkata");
        assertThat(parsed.get() - afterPublishing).as("read three times, parsed once").isEqualTo(1);

        agents.pipeInput("h-1", Fixtures.marketingAgent("h-1", "Europe/London"));
        asks.pipeInput("h-1", "h-1");
        agents.pipeInput("h-1", null);
        asks.pipeInput("h-1", "h-1");
        asks.pipeInput("h-2", "h-2");

        assertThat(zones.readValuesToList()).containsExactly("Europe/London", "none", "none");
    }

    /** Answers each ask with the instance's time zone, as the store has it now. */
    private static final class ZoneOf implements Processor<String, String, String, String> {

        private ProcessorContext<String, String> context;
        private HiredAgents agents;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.agents = HiredAgents.from(context, "agents");
        }

        @Override
        public void process(Record<String, String> record) {
            HiredAgentChange agent = agents.get(record.value());
            context.forward(record.withValue(agent == null ? "none" : agent.timezone()));
        }
    }
}
