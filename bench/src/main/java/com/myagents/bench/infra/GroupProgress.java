package com.myagents.bench.infra;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Whether a consumer group (a Kafka Streams application) has read a topic to its end: the
 * benchmarks wait for it before timing, so pre-loaded state (approvals, subscriptions) is in the
 * application's stores and not part of the measured work.
 */
public final class GroupProgress {

    private GroupProgress() {
    }

    public static void awaitCaughtUp(String bootstrapServers, String groupId, List<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(KafkaLogins.config(bootstrapServers, Map.of()))) {
            while (true) {
                long behind = lag(admin, groupId, topics);
                if (behind == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(groupId + " is still " + behind + " records behind on " + topics
                            + " after " + timeout);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records of {@code topics} the group has not committed yet. */
    public static long lag(String bootstrapServers, String groupId, List<String> topics) {
        try (Admin admin = Admin.create(KafkaLogins.config(bootstrapServers, Map.of()))) {
            return lag(admin, groupId, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long lag(Admin admin, String groupId, List<String> topics) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
                }
            }
            long behind = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                behind += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
            }
            return behind;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the progress of " + groupId, e.getCause());
        }
    }
}
