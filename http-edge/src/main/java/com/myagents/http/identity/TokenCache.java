package com.myagents.http.identity;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens, or what verifying one proved, kept until a given instant, so that a hop signs and verifies
 * an identity once instead of once per call. Bounded: when full, what has lapsed is dropped, and if
 * that is not enough everything is (a cache miss only costs the work the cache saves).
 *
 * @param <K> what a value is looked up by
 * @param <V> the token, or the verified principal
 */
public final class TokenCache<K, V> {

    /** Far more callers than a hop serves within a token's minute; a few MiB at most. */
    public static final int DEFAULT_MAX_ENTRIES = 4096;

    private record Entry<V>(V value, Instant validUntil) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    public TokenCache() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public TokenCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The value kept for {@code key}, or {@code null} when there is none or it lapsed before {@code now}. */
    public V get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (now.isAfter(entry.validUntil())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** Keeps {@code value} for {@code key} up to and including {@code validUntil}. */
    public void put(K key, V value, Instant validUntil, Instant now) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> now.isAfter(entry.validUntil()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, validUntil));
    }

    public int size() {
        return entries.size();
    }
}
