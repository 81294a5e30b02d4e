package com.myagents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import com.myagents.contracts.Topic;

/**
 * A stream app's topology under {@link TopologyTestDriver}, the base every app's test driver stands
 * on: topics made from contracts' {@link Topic}s (so a test speaks each topic's own serdes), a wall
 * clock the test moves together with the time records are stamped with, and a state directory of
 * its own that outlives a {@link #restart}, as a restarted instance keeps its disk.
 */
public final class TopologyDriver implements AutoCloseable {

    private final Supplier<Topology> topology;
    private final Function<Path, Properties> properties;
    private final Path stateDir;
    private TopologyTestDriver driver;
    private Instant now;

    /**
     * @param topology   built again at each start, as a new instance would build it
     * @param properties the app's own streams configuration, on the state directory it is given
     * @param start      the wall clock's time at the start
     */
    public TopologyDriver(Supplier<Topology> topology, Function<Path, Properties> properties, Instant start) {
        this.topology = topology;
        this.properties = properties;
        try {
            stateDir = Files.createTempDirectory("topology-driver-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open(start);
    }

    private void open(Instant start) {
        now = start;
        driver = new TopologyTestDriver(topology.get(), properties.apply(stateDir), start);
    }

    /**
     * Stops for {@code downtime} and starts a new topology on the same state directory. Topics and
     * stores taken from the old driver are dead: take them again.
     */
    public void restart(Duration downtime) {
        driver.close();
        open(now.plus(downtime));
    }

    public Instant now() {
        return now;
    }

    /** Moves the wall clock and the time records are stamped with together, as in production. */
    public void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    public <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    /** The topic as text, for what its serde would never write (a malformed record). */
    public TestInputTopic<String, String> rawInput(Topic<?, ?> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), new StringSerializer());
    }

    /** An internal topic (a store's changelog) as its bytes, keyed by text. */
    public TestOutputTopic<String, byte[]> rawOutput(String topicName) {
        return driver.createOutputTopic(topicName, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}
