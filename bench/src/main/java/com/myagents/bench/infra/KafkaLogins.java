package com.myagents.bench.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The login a benchmark's own Kafka clients need: on a broker the launcher started (SASL, ACLs),
 * its super user, since a benchmark plays every service at once; none on the benchmarks' own
 * open brokers.
 */
public final class KafkaLogins {

    private static final Map<String, Map<String, Object>> BY_BOOTSTRAP = new ConcurrentHashMap<>();

    private KafkaLogins() {
    }

    /** From now on clients of {@code bootstrapServers} log in with {@code superUser} (its bootstrap included or not). */
    public static void register(String bootstrapServers, Map<String, Object> superUser) {
        BY_BOOTSTRAP.put(bootstrapServers, Map.copyOf(superUser));
    }

    /** Client settings: the bootstrap, the login registered for it (if any), then {@code more}. */
    public static Map<String, Object> config(String bootstrapServers, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(BY_BOOTSTRAP.getOrDefault(bootstrapServers, Map.of()));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(more);
        return config;
    }
}
