package com.myagents.http.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.myagents.http.problem.ApiProblem;

/**
 * Password guessing, slowed to a stop at a door: an account that fails {@code accountFailures} times
 * within {@code window} is locked for {@code lockout}; a client address that fails
 * {@code addressFailures} times within the window (across any accounts) is refused until the window
 * ends. While locked, even the right password is refused with 429 and {@code Retry-After}, so a guess
 * cannot be confirmed. In memory, per door instance: several instances each keep their own count.
 */
public final class LoginThrottle {

    /** What a failed attempt led to, for the door's audit. */
    public enum Outcome { REFUSED, ACCOUNT_LOCKED, ADDRESS_THROTTLED }

    /** Above this many tracked keys, expired ones are forgotten. */
    static final int SWEEP_THRESHOLD = 10_000;

    private final int accountFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int accountFailures, int addressFailures, Duration window, Duration lockout, Clock clock) {
        if (accountFailures < 1 || addressFailures < 1 || window.isNegative() || lockout.isNegative()) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** The defaults of both doors: 5 failures lock an account for 15 minutes; 30 failures a client address. */
    public static LoginThrottle defaults() {
        return new LoginThrottle(5, 30, Duration.ofMinutes(15), Duration.ofMinutes(15), Clock.systemUTC());
    }

    /** @throws ApiProblem 429 with Retry-After while the account or the address is locked */
    public void check(String account, String address) {
        Instant now = clock.instant();
        long wait = Math.max(lockedFor(accountKey(account), now), lockedFor(addressKey(address), now));
        if (wait > 0) {
            throw locked(wait);
        }
    }

    /** Counts a failed attempt; the answer says whether it locked the account or the address. */
    public Outcome failed(String account, String address) {
        Instant now = clock.instant();
        sweep(now);
        boolean accountLocked = count(accountKey(account), accountFailures, lockout, now);
        boolean addressLocked = count(addressKey(address), addressFailures, window, now);
        return accountLocked ? Outcome.ACCOUNT_LOCKED : addressLocked ? Outcome.ADDRESS_THROTTLED : Outcome.REFUSED;
    }

    /** A successful sign-in clears the account's failures (not the address's). */
    public void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    public static ApiProblem locked(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ApiProblem(429, "too-many-login-attempts", "Too Many Requests",
                "too many failed sign-ins; try again in " + seconds + " s",
                java.util.Map.of("retry_after_seconds", seconds), java.util.Map.of("Retry-After", Long.toString(seconds)));
    }

    private boolean count(String key, int limit, Duration lockFor, Instant now) {
        Failures counted = failures.compute(key, (k, current) -> {
            Failures base = current == null || current.windowEndsAt.isBefore(now) && !current.lockedAt(now)
                    ? new Failures(0, now.plus(window), null) : current;
            int n = base.count + 1;
            Instant lockedUntil = n >= limit ? now.plus(lockFor) : base.lockedUntil;
            return new Failures(n, base.windowEndsAt, lockedUntil);
        });
        return counted.count == limit;
    }

    private long lockedFor(String key, Instant now) {
        Failures counted = failures.get(key);
        if (counted == null || !counted.lockedAt(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, counted.lockedUntil).toSeconds() + 1);
    }

    private void sweep(Instant now) {
        if (failures.size() > SWEEP_THRESHOLD) {
            failures.values().removeIf(f -> f.windowEndsAt.isBefore(now) && !f.lockedAt(now));
        }
    }

    private static String accountKey(String account) {
        return "account:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Failures(int count, Instant windowEndsAt, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}
