package com.myagents.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.http.ratelimit.RateDecision;
import com.myagents.testsupport.SharedTestInfra;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The buckets two gateway instances share, on a real PostgreSQL migrated by this module's migrations. */
class SharedTokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;
    /** So slow that no token comes back while a test runs: the budget is the burst. */
    private static final double HARDLY_EVER = 0.0001;

    private static HikariDataSource pool;

    private final String key = "customer:" + UUID.randomUUID();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void migrate() {
        SharedTestInfra.migrate("gateway", false, "classpath:db/gateway", "classpath:db/gateway-grants");
        pool = SharedTestInfra.pool("gateway", 8);
    }

    @Test
    void twoInstancesSpendOneBudgetPerPrincipal() {
        SharedTokenBuckets first = new SharedTokenBuckets(pool, HARDLY_EVER, 3, registry);
        SharedTokenBuckets second = new SharedTokenBuckets(pool, HARDLY_EVER, 3, registry);

        assertThat(first.acquire(key)).isInstanceOf(RateDecision.Allowed.class);
        assertThat(second.acquire(key)).isInstanceOf(RateDecision.Allowed.class);
        assertThat(first.acquire(key)).isInstanceOf(RateDecision.Allowed.class);

        assertThat(second.acquire(key)).as("the burst is spent across both").isInstanceOf(RateDecision.Limited.class);
        assertThat(first.acquire(key)).isInstanceOf(RateDecision.Limited.class);
        assertThat(first.acquire("customer:" + UUID.randomUUID())).as("another principal has its own bucket")
                .isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void concurrentCallsOnBothInstancesNeverOverspendTheBudget() throws Exception {
        List<SharedTokenBuckets> instances = List.of(new SharedTokenBuckets(pool, HARDLY_EVER, 50, registry),
                new SharedTokenBuckets(pool, HARDLY_EVER, 50, registry));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                SharedTokenBuckets instance = instances.get(c % 2);
                tasks.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 20; i++) {
                        allowed += instance.acquire(key) instanceof RateDecision.Allowed ? 1 : 0;
                    }
                    return allowed;
                });
            }
            int allowed = 0;
            for (Future<Integer> result : callers.invokeAll(tasks)) {
                allowed += result.get();
            }
            assertThat(allowed).as("160 calls, a budget of 50").isEqualTo(50);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void refillsByTheDatabasesClockAtTheConfiguredRateUpToTheBurst() throws SQLException {
        SharedTokenBuckets limiter = new SharedTokenBuckets(pool, 1, 3, registry);
        drain(limiter, 3);
        assertThat(limiter.acquire(key)).isInstanceOf(RateDecision.Limited.class);

        age(2);
        assertThat(limiter.acquire(key)).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire(key)).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire(key)).as("two seconds gave two tokens").isInstanceOf(RateDecision.Limited.class);

        age(3600);
        drain(limiter, 3);
        assertThat(limiter.acquire(key)).as("never more than the burst").isInstanceOf(RateDecision.Limited.class);
    }

    @Test
    void saysHowLongUntilTheNextTokenInWholeSeconds() {
        SharedTokenBuckets limiter = new SharedTokenBuckets(pool, 0.1, 1, registry);
        limiter.acquire(key);

        RateDecision limited = limiter.acquire(key);

        assertThat(limited).isInstanceOf(RateDecision.Limited.class);
        assertThat(((RateDecision.Limited) limited).retryAfterSeconds()).isBetween(9L, 10L);
    }

    @Test
    void forgetsBucketsIdleLongEnoughToBeFullAgain() throws SQLException {
        SharedTokenBuckets limiter = new SharedTokenBuckets(pool, 1, 2, registry);
        limiter.acquire(key);
        age(3);

        for (int i = 0; i < SharedTokenBuckets.SWEEP_EVERY; i++) {
            limiter.acquire("customer:sweeper");
        }

        assertThat(rows(key)).isZero();
        assertThat(rows("customer:sweeper")).isOne();
    }

    @Test
    void failsOpenToThisInstancesOwnBucketsWhileTheDatabaseIsUnreachableCountingEachDecision() {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicLong now = new AtomicLong(7 * SECOND);
        SharedTokenBuckets limiter = new SharedTokenBuckets(new SwitchableDatabase(down), HARDLY_EVER, 2, registry,
                now::get);

        assertThat(limiter.acquire(key)).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire(key)).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire(key)).as("still limited, by this instance").isInstanceOf(RateDecision.Limited.class);
        assertThat(registry.get("myagents.rate.limit.fallbacks").counter().count()).isEqualTo(3);

        down.set(false);
        assertThat(limiter.acquire(key)).as("not asked again within a second").isInstanceOf(RateDecision.Limited.class);
        now.addAndGet(SECOND);
        assertThat(limiter.acquire(key)).as("the shared bucket of this key is untouched")
                .isInstanceOf(RateDecision.Allowed.class);
        assertThat(registry.get("myagents.rate.limit.fallbacks").counter().count()).isEqualTo(4);
    }

    private void drain(SharedTokenBuckets limiter, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.acquire(key)).isInstanceOf(RateDecision.Allowed.class);
        }
    }

    /** As if {@code seconds} had passed since this key's bucket was last refilled. */
    private void age(int seconds) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update gateway.rate_buckets set refilled_at = refilled_at - interval '" + seconds
                    + " seconds' where bucket_key = '" + key + "'");
        }
    }

    private long rows(String bucketKey) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("select count(*) from gateway.rate_buckets where bucket_key = '"
                     + bucketKey + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The test's database, or a refused connection while {@code down}: an outage on demand. */
    private record SwitchableDatabase(AtomicBoolean down) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLTransientConnectionException("connection refused");
            }
            return pool.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
