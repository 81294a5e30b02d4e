package com.myagents.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time the processes of a system used over a stretch of time, from {@code /proc/<pid>/stat}
 * (user + system, in clock ticks of 10 ms): what one execute call costs the machine, whatever
 * else the machine was doing meanwhile.
 */
public final class ProcessCpu {

    static final long NANOS_PER_TICK = 10_000_000L; // CLK_TCK is 100 on Linux

    private final Supplier<List<ProcessHandle>> processes;
    private final Map<Long, Long> startTicks = new HashMap<>();
    private final long jvmPid;

    /** What the stack's processes used from now on; the first process listed is the JVM. */
    public ProcessCpu(Supplier<List<ProcessHandle>> processes) {
        this.processes = processes;
        List<ProcessHandle> now = processes.get();
        this.jvmPid = now.get(0).pid();
        now.forEach(p -> startTicks.put(p.pid(), ticks(p.pid())));
    }

    /** CPU used since construction: the JVM's and the other processes' (processes started since count whole). */
    public Used used() {
        long jvm = 0;
        long others = 0;
        for (ProcessHandle p : processes.get()) {
            long delta = Math.max(0, ticks(p.pid()) - startTicks.getOrDefault(p.pid(), 0L));
            if (p.pid() == jvmPid) {
                jvm += delta;
            } else {
                others += delta;
            }
        }
        return new Used(jvm * NANOS_PER_TICK, others * NANOS_PER_TICK);
    }

    /** CPU nanoseconds of the JVM and of the other processes (PostgreSQL). */
    public record Used(long jvmNanos, long othersNanos) {

        public long totalNanos() {
            return jvmNanos + othersNanos;
        }
    }

    /** utime + stime of a process in clock ticks; 0 when it is gone. */
    static long ticks(long pid) {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat}; the command name (field 2) may hold spaces. */
    static long parseTicks(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }
}
