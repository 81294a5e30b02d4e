package com.myagents.bench.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory of a process and of the processes that belong to it (its descendants, and the
 * embedded PostgreSQL it started), sampled now.
 */
public record TreeMemory(ProcessMemory root, List<ProcessMemory> descendants) {

    public static TreeMemory of(ProcessHandle root) {
        return of(root, null);
    }

    /** @param dataDir see {@link StackProcesses#of}; may be null */
    public static TreeMemory of(ProcessHandle root, String dataDir) {
        List<ProcessHandle> processes = StackProcesses.of(root, dataDir);
        List<ProcessMemory> others = new ArrayList<>();
        processes.subList(1, processes.size()).forEach(p -> others.add(ProcessMemory.of(p.pid())));
        return new TreeMemory(ProcessMemory.of(root.pid()), List.copyOf(others));
    }

    /** Proportional resident memory of the whole tree: what it costs the machine. */
    public long totalPssKib() {
        return root.pssKib() + descendantsPssKib();
    }

    public long descendantsPssKib() {
        return descendants.stream().mapToLong(ProcessMemory::pssKib).sum();
    }

    public static String mib(long kib) {
        return String.format(java.util.Locale.ROOT, "%,d MiB", Math.round(kib / 1024.0));
    }
}
