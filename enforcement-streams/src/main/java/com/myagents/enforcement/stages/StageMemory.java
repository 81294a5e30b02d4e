package com.myagents.enforcement.stages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the stages remember what they decided (correlation ids, used approvals, metered runs), and
 * how often, by the wall clock, they forget what is older. The same for every stage that remembers.
 *
 * @param keep          how long an entry is remembered
 * @param purgeInterval how often forgotten entries are removed
 */
public record StageMemory(Duration keep, Duration purgeInterval) {

    private static final Logger log = LoggerFactory.getLogger(StageMemory.class);

    /**
     * From now on, every purge interval, removes the entries of {@code store} that {@code older} says
     * are from before the cutoff (the wall clock less {@link #keep}).
     */
    <V> void forgetOld(ProcessorContext<?, ?> context, KeyValueStore<String, V> store, BiPredicate<V, Instant> older) {
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, wallClockMillis -> {
            Instant cutoff = Instant.ofEpochMilli(wallClockMillis).minus(keep);
            int forgotten = removeWhere(store, older, cutoff);
            if (forgotten > 0) {
                log.debug("forgot {} entries of {} older than {}", forgotten, store.name(), keep);
            }
        });
    }

    /**
     * Keys are collected first and deleted after the scan: a store must not change under its own
     * open iterator. An entry without a value goes too.
     */
    static <V> int removeWhere(KeyValueStore<String, V> store, BiPredicate<V, Instant> older, Instant cutoff) {
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (entry.value == null || older.test(entry.value, cutoff)) {
                    forgotten.add(entry.key);
                }
            }
        }
        forgotten.forEach(store::delete);
        return forgotten.size();
    }
}
