package com.myagents.gateway.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.http.ratelimit.RateDecision;
import com.myagents.http.ratelimit.RateLimiter;
import com.myagents.http.ratelimit.TokenBucketLimiter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Token buckets in PostgreSQL ({@code gateway.rate_buckets}), so that every gateway instance on one
 * database spends one budget per principal: each acquisition is one atomic upsert that refills the
 * bucket by the database's clock ({@code clock_timestamp()}, one clock for all instances) and takes
 * a token if there is one. Concurrent acquisitions of one key queue on its row, so a budget is never
 * overspent, whichever instance the calls reach.
 *
 * <p>When the database cannot be reached this fails open to this instance's own in-memory buckets
 * (same rate and burst): a limit still holds per instance, no request is refused for the outage
 * (ingest-api behind us needs the same database and answers for itself), a WARN says so once per
 * outage and {@code myagents_rate_limit_fallbacks_total} counts every decision taken that way. While
 * degraded the database is tried again at most once per {@link #RETRY_INTERVAL_NANOS}, so an outage
 * does not add a connection timeout to every request.
 */
public final class SharedTokenBuckets implements RateLimiter {

    static final long RETRY_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Every this many acquisitions, buckets idle long enough to be full again are deleted. */
    static final int SWEEP_EVERY = 1024;

    private static final Logger log = LoggerFactory.getLogger(SharedTokenBuckets.class);

    /** The bucket's tokens now: what it held plus the refill since, at most the burst. */
    private static final String AVAILABLE = "least(?::float8, b.tokens + greatest(0, extract(epoch from "
            + "excluded.refilled_at - b.refilled_at)) * ?::float8)";
    /**
     * A new key starts full less this token. {@code excluded.refilled_at} is the one
     * {@code clock_timestamp()} of this statement; a statement that waited for the row lock behind a
     * later one never moves the bucket's time back.
     */
    private static final String ACQUIRE = "insert into gateway.rate_buckets as b (bucket_key, tokens, refilled_at, granted) "
            + "values (?, ?::float8 - 1, clock_timestamp(), true) on conflict (bucket_key) do update set "
            + "tokens = " + AVAILABLE + " - case when " + AVAILABLE + " >= 1 then 1 else 0 end, "
            + "granted = " + AVAILABLE + " >= 1, "
            + "refilled_at = greatest(b.refilled_at, excluded.refilled_at) "
            + "returning tokens, granted";
    private static final String SWEEP = "delete from gateway.rate_buckets where refilled_at < clock_timestamp() "
            + "- make_interval(secs => ?)";

    private final DataSource database;
    private final double requestsPerSecond;
    private final int burst;
    private final TokenBucketLimiter fallback;
    private final Counter fallbacks;
    private final LongSupplier nanoClock;
    private final AtomicLong acquisitions = new AtomicLong();
    /** While degraded: when to try the database again (nanoClock); Long.MIN_VALUE while it answers. */
    private final AtomicLong retryAt = new AtomicLong(Long.MIN_VALUE);

    public SharedTokenBuckets(DataSource database, double requestsPerSecond, int burst, MeterRegistry registry) {
        this(database, requestsPerSecond, burst, registry, System::nanoTime);
    }

    SharedTokenBuckets(DataSource database, double requestsPerSecond, int burst, MeterRegistry registry,
            LongSupplier nanoClock) {
        this.fallback = new TokenBucketLimiter(requestsPerSecond, burst, nanoClock);
        this.database = database;
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.fallbacks = Counter.builder("myagents.rate.limit.fallbacks")
                .description("rate-limit decisions taken by this gateway's own buckets because PostgreSQL was unreachable")
                .register(registry);
    }

    @Override
    public RateDecision acquire(String key) {
        long degradedUntil = retryAt.get();
        if (degradedUntil != Long.MIN_VALUE && nanoClock.getAsLong() - degradedUntil < 0) {
            return fallBack(key);
        }
        try (Connection connection = database.getConnection()) {
            RateDecision decision = take(connection, key);
            if (acquisitions.incrementAndGet() % SWEEP_EVERY == 0) {
                sweep(connection);
            }
            if (retryAt.getAndSet(Long.MIN_VALUE) != Long.MIN_VALUE) {
                log.info("rate limits: PostgreSQL answers again; buckets are shared by every gateway instance again");
            }
            return decision;
        } catch (SQLException e) {
            if (retryAt.getAndSet(nanoClock.getAsLong() + RETRY_INTERVAL_NANOS) == Long.MIN_VALUE) {
                log.warn("rate limits: PostgreSQL is unreachable ({}); limiting with this instance's own buckets "
                        + "until it answers (each gateway instance allows the full rate meanwhile)", e.getMessage());
            }
            return fallBack(key);
        }
    }

    private RateDecision take(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ACQUIRE)) {
            statement.setQueryTimeout(2);
            int i = 1;
            statement.setString(i++, key);
            statement.setDouble(i++, burst);
            for (int expression = 0; expression < 3; expression++) {
                statement.setDouble(i++, burst);
                statement.setDouble(i++, requestsPerSecond);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (row.getBoolean("granted")) {
                    return new RateDecision.Allowed();
                }
                double secondsToNextToken = (1 - row.getDouble("tokens")) / requestsPerSecond;
                return new RateDecision.Limited(Math.max(1, (long) Math.ceil(secondsToNextToken)));
            }
        }
    }

    /** A bucket untouched for as long as an empty one takes to fill is full: the same as no row at all. */
    private void sweep(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SWEEP)) {
            statement.setDouble(1, Math.ceil(burst / requestsPerSecond));
            statement.executeUpdate();
        }
    }

    private RateDecision fallBack(String key) {
        fallbacks.increment();
        return fallback.acquire(key);
    }
}
