package com.myagents.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a replaced stream thread's static member out of the consumer group. Kafka Streams closes a
 * dead thread's consumer without leaving the group, and a static member ({@code group.instance.id},
 * suffixed with the thread's index) stays a member until its session times out (45 s by default).
 * The replacement thread joins under the next index, so the group waits for the dead member all that
 * time and no task of the app runs: every record stalls. Removing the dead member (as Kafka Streams
 * does itself when a thread is removed on purpose) lets the rebalance finish at once. Exactly-once is
 * unaffected: the new owner's committed-offset fetch waits for the dead thread's open transaction to
 * end, and the dead member's generation can no longer commit offsets.
 */
final class StaticMemberEviction {

    private static final Logger log = LoggerFactory.getLogger(StaticMemberEviction.class);

    /** How long to let the dead thread close its clients first; a thread stuck closing is evicted anyway. */
    private static final Duration DEATH_WAIT = Duration.ofSeconds(10);

    private final String application;
    private final String groupId;
    private final String instanceId;
    private final Map<String, Object> adminConfig;

    private StaticMemberEviction(String application, String groupId, String instanceId, Map<String, Object> adminConfig) {
        this.application = application;
        this.groupId = groupId;
        this.instanceId = instanceId;
        this.adminConfig = adminConfig;
    }

    /** For an app with static membership; null when its members are dynamic (they leave nothing behind to wait for). */
    static StaticMemberEviction of(String application, Properties config, Map<String, Object> adminConfig) {
        String instanceId = config.getProperty(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                config.getProperty(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                        config.getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)));
        if (instanceId == null || instanceId.isBlank()) {
            return null;
        }
        return new StaticMemberEviction(application, config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), instanceId,
                adminConfig);
    }

    /**
     * The group instance id of the stream thread named {@code threadName} ("…-StreamThread-3" is
     * "{instance}-3"), or null for a thread that is not a stream thread.
     */
    String memberOf(String threadName) {
        int dash = threadName.lastIndexOf('-');
        if (!threadName.contains("-StreamThread-") || dash < 0 || dash == threadName.length() - 1) {
            return null;
        }
        String index = threadName.substring(dash + 1);
        return index.chars().allMatch(Character::isDigit) ? instanceId + "-" + index : null;
    }

    /** Once {@code deadThread} has ended (or after a bound), removes its member from the group, in the background. */
    void evictAfter(Thread deadThread) {
        String member = memberOf(deadThread.getName());
        if (member == null) {
            return;
        }
        Thread evicting = new Thread(() -> {
            try {
                deadThread.join(DEATH_WAIT.toMillis());
                evict(member);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, application + "-evict-" + member);
        evicting.setDaemon(true);
        evicting.start();
    }

    void evict(String member) {
        try (Admin admin = Admin.create(adminConfig)) {
            admin.removeMembersFromConsumerGroup(groupId,
                    new RemoveMembersFromConsumerGroupOptions(Set.of(new MemberToRemove(member))))
                    .all().get(DEATH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("{} removed the replaced stream thread's member {} from group {}", application, member, groupId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the member then leaves when its session times out, as without this
            log.warn("{} could not remove the replaced stream thread's member {} from group {}: {}", application, member,
                    groupId, e.toString());
        }
    }
}
