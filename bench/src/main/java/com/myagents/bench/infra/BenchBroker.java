package com.myagents.bench.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.embedded.EmbeddedKafkaBroker;
import com.myagents.embedded.FreePorts;

/**
 * The embedded broker of the local runtime and the tests (Kafka's own KRaft server, in this JVM),
 * on free ports in a fresh directory, with every topic of the registry.
 */
public final class BenchBroker implements AutoCloseable {

    private final Path dir;
    private final EmbeddedKafkaBroker broker;

    private BenchBroker(Path dir, EmbeddedKafkaBroker broker) {
        this.dir = dir;
        this.broker = broker;
    }

    public static BenchBroker start() {
        Path dir = Directories.fresh("myagents-bench-kafka-");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, FreePorts.next(), FreePorts.next());
        TopicProvisioner.ensureTopics(broker.bootstrapServers(), (short) 1);
        return new BenchBroker(dir, broker);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Path dir() {
        return dir;
    }

    /** A topic of the benchmark's own, beside the system's. */
    public static void createTopic(String bootstrapServers, String name, int partitions) {
        try (Admin admin = Admin.create(KafkaLogins.config(bootstrapServers, Map.of()))) {
            if (!admin.listTopics().names().get().contains(name)) {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        broker.close();
        Directories.delete(dir);
    }
}
