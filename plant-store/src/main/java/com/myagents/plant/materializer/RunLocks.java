package com.myagents.plant.materializer;

import java.util.List;
import java.util.Objects;

import org.jooq.DSLContext;

/**
 * Orders the materializer's consumers on goal runs. A run's decision, its drafts and its settlement
 * come on three topics, so two consumers' transactions can upsert the same runs' rows — and, each in
 * its own order, deadlock (PostgreSQL finds it after a second, and the batch is retried). So a
 * transaction first takes a transaction-scoped advisory lock on every run it writes, all in one
 * statement and in ascending order: two transactions sharing runs then queue instead of crossing.
 */
final class RunLocks {

    /** The high half of the lock key, so these locks never meet another advisory lock of the database. */
    private static final long NAMESPACE = 0x676f616cL << 32;

    private RunLocks() {
    }

    static void take(DSLContext tx, List<RecordWrites.Write> writes) {
        Long[] keys = writes.stream().map(RecordWrites.Write::runId).filter(Objects::nonNull)
                .map(RunLocks::key).distinct().sorted().toArray(Long[]::new);
        if (keys.length == 0) {
            return;
        }
        // a CTE with a volatile call is evaluated in full (never inlined), in the sorted order of its scan
        tx.resultQuery("with locked as (select pg_advisory_xact_lock(k) from (select unnest(cast(? as bigint[])) as k order by k) as runs)"
                + " select count(*) from locked", (Object) keys).fetch();
    }

    static long key(String runId) {
        return NAMESPACE | (runId.hashCode() & 0xffffffffL);
    }
}
