package com.myagents.bench.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of one running system: its JVM, the JVM's descendants, and every process whose
 * command line names the system's data directory with its descendants (zonky starts PostgreSQL
 * with {@code pg_ctl}, so the postmaster, {@code postgres -D <dataDir>/postgres}, is not a child of
 * the JVM).
 */
public final class StackProcesses {

    private StackProcesses() {
    }

    /** The JVM first, then the others; {@code dataDir} may be null. */
    public static List<ProcessHandle> of(ProcessHandle jvm, String dataDir) {
        Map<Long, ProcessHandle> all = new LinkedHashMap<>();
        all.put(jvm.pid(), jvm);
        jvm.descendants().forEach(child -> all.putIfAbsent(child.pid(), child));
        if (dataDir != null) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != jvm.pid() && p.info().commandLine().map(line -> line.contains(dataDir)).orElse(false))
                    .forEach(p -> {
                        all.putIfAbsent(p.pid(), p);
                        p.descendants().forEach(child -> all.putIfAbsent(child.pid(), child));
                    });
        }
        return new ArrayList<>(all.values());
    }
}
