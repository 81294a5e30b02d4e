package com.myagents.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --name=value} flags of one benchmark run. Every read names its default, so the
 * printed {@link #used()} list shows exactly what a run measured with.
 */
public final class Options {

    private final Map<String, String> given;
    private final Map<String, String> used = new LinkedHashMap<>();

    private Options(Map<String, String> given) {
        this.given = given;
    }

    /** {@code --rate=500 --duration=30s --quick}: a flag without a value is {@code true}. */
    public static Options parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("not a --name=value flag: " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                given.put(arg.substring(2), "true");
            } else {
                given.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return new Options(given);
    }

    public String text(String name, String fallback) {
        String value = given.getOrDefault(name, fallback);
        used.put(name, value);
        return value;
    }

    public int integer(String name, int fallback) {
        return (int) number(name, fallback);
    }

    public long number(String name, long fallback) {
        String value = text(name, Long.toString(fallback)).replace("_", "");
        try {
            if (value.endsWith("k")) {
                return Long.parseLong(value.substring(0, value.length() - 1)) * 1_000;
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value, e);
        }
    }

    public double decimal(String name, double fallback) {
        String value = text(name, Double.toString(fallback));
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not " + value, e);
        }
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, or ISO-8601 ({@code PT1M}). */
    public Duration duration(String name, Duration fallback) {
        String value = text(name, format(fallback)).trim();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                return Duration.parse(value);
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 60));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 30s or 500ms, not " + value, e);
        }
    }

    /** Flags given but never read: most likely a typo, so a run refuses them. */
    public Set<String> unread() {
        Set<String> unread = new TreeSet<>(given.keySet());
        unread.removeAll(used.keySet());
        return unread;
    }

    /** Every flag read so far with the value used, defaults included, in reading order. */
    public Map<String, String> used() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(used));
    }

    static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        return duration.toSeconds() + "s";
    }
}
