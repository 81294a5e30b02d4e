package com.myagents.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.myagents.bench.memory.ProcessMemory;

/**
 * The machine a figure was taken on: cores, memory, JVM and how busy it already was (the load
 * average), so that a figure is never read without its circumstances.
 */
public record Machine(int cores, long memoryTotalKib, long memoryAvailableKib, String jvm, long maxHeapBytes,
        String loadAverage) {

    public static Machine current() {
        String meminfo = read(Path.of("/proc/meminfo")).orElse("");
        String load = read(Path.of("/proc/loadavg")).map(Machine::firstThree).orElse("n/a");
        return new Machine(Runtime.getRuntime().availableProcessors(), meminfoKib(meminfo, "MemTotal"),
                meminfoKib(meminfo, "MemAvailable"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory(), load);
    }

    static long meminfoKib(String meminfo, String key) {
        return ProcessMemory.field(meminfo, key);
    }

    static String firstThree(String loadavg) {
        String[] parts = loadavg.trim().split("\\s+");
        return parts.length < 3 ? loadavg.trim() : parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d cores · %.1f GiB RAM (%.1f GiB available) · %s (max heap %d MiB) · load average %s",
                cores, memoryTotalKib / 1048576.0, memoryAvailableKib / 1048576.0, jvm, maxHeapBytes >> 20, loadAverage);
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
