package com.myagents.bench.footprint;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.myagents.bench.Options;
import com.myagents.bench.ceiling.CeilingRun;
import com.myagents.bench.execute.ExecuteLoadRun;
import com.myagents.bench.infra.BenchStack;
import com.myagents.bench.infra.ChildStack;
import com.myagents.bench.infra.Directories;
import com.myagents.bench.infra.Health;
import com.myagents.bench.infra.PlantDatabase;
import com.myagents.bench.memory.HeapInfo;
import com.myagents.bench.memory.MemorySampler;
import com.myagents.bench.memory.ProcessMemory;
import com.myagents.bench.memory.StackProcesses;
import com.myagents.bench.memory.TreeMemory;
import com.myagents.bench.report.Machine;
import com.myagents.bench.report.Report;

/**
 * Footprint of the whole system: time to every service healthy, and resident memory (the JVM and
 * the PostgreSQL processes it started) idle and under the execute load.
 * <ul>
 * <li>{@code --mode=child} (default): the README's run command, {@code java -jar
 * launcher/target/myagents-local.jar}, as a child process on the launcher's fixed ports with a fresh
 * data directory, timed from the process start; then again on the kept data directory. The load
 * generator runs in the benchmark's JVM and is not counted.</li>
 * <li>{@code --mode=in-process}: the same LocalStack started in the benchmark's JVM on free ports
 * (for when the launcher's ports are taken); its figures include the load generator (small) and
 * exclude the JVM's own start.</li>
 * </ul>
 */
public final class FootprintRun {

    private static final long TWO_GIB_KIB = 2L * 1024 * 1024;

    private FootprintRun() {
    }

    public static void run(Options options, PrintStream out) throws Exception {
        String mode = options.text("mode", "child");
        Path jar = Path.of(options.text("jar", "launcher/target/myagents-local.jar"));
        List<String> jvmArgs = Arrays.stream(options.text("jvm-args", "").split(" ")).filter(s -> !s.isBlank()).toList();
        Duration idle = options.duration("idle", Duration.ofSeconds(15));
        boolean restart = !options.text("restart", "true").equals("false");
        ExecuteLoadRun.Settings load = new ExecuteLoadRun.Settings(options.decimal("rate", 500),
                options.duration("warmup", Duration.ofSeconds(5)), options.duration("duration", Duration.ofSeconds(30)),
                options.decimal("allow-share", 0.25), options.integer("unapproved-drafts", 200),
                options.integer("max-in-flight", 2_000));
        var results = CeilingRun.resultsFile(options);
        if (!options.unread().isEmpty()) {
            throw new IllegalArgumentException("unknown flags " + options.unread());
        }
        Report report = new Report("footprint (" + mode + ")", Machine.current()).flags(options.used());
        switch (mode) {
            case "child" -> child(report, jar, jvmArgs, idle, restart, load, out);
            case "in-process" -> inProcess(report, idle, load, out);
            default -> throw new IllegalArgumentException("--mode must be child or in-process, not " + mode);
        }
        report.publish(out, results);
    }

    private static void child(Report report, Path jar, List<String> jvmArgs, Duration idle, boolean restart,
            ExecuteLoadRun.Settings load, PrintStream out) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " not found: build it first (see bench/README.md)");
        }
        List<Integer> busy = ChildStack.busy(ChildStack.ALL_PORTS);
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports " + busy + " are in use, the launcher needs " + ChildStack.ALL_PORTS
                    + " (or run --mode=in-process)");
        }
        Path root = Directories.fresh("myagents-bench-footprint-");
        Path dataDir = root.resolve("data");
        Path log = root.resolve("launcher.log");
        out.println("[footprint] starting " + jar + " (log: " + log + ")");
        try {
            try (ChildStack child = ChildStack.start(jar, jvmArgs, ExecuteLoadRun.unlimitedGateway(), dataDir, log)) {
                Duration healthy = child.awaitHealthy(Duration.ofMinutes(5));
                report.row("java -jar → every service healthy (fresh data directory)", seconds(healthy));
                long pid = child.handle().pid();
                String marker = dataDir.toAbsolutePath().toString();
                // the launcher's broker and database want logins: its super users', from its data directory
                var secrets = com.myagents.launcher.LocalSecrets.loadOrCreate(dataDir);
                com.myagents.bench.infra.KafkaLogins.register("localhost:9092", new com.myagents.embedded.BrokerSecurity(
                        secrets.get(com.myagents.launcher.LocalSecrets.KAFKA_BROKER_PASSWORD), java.util.Map.of()).superUserClientConfig());
                measure(report, idle, load, out, child.handle(), marker, pid, "http://localhost:8080",
                        "jdbc:postgresql://localhost:15432/myagents", BenchStack.superuserPassword(dataDir), "localhost:9092");
            }
            if (restart) {
                out.println("[footprint] restarting on the same data directory");
                try (ChildStack again = ChildStack.start(jar, jvmArgs, ExecuteLoadRun.unlimitedGateway(), dataDir, log)) {
                    report.row("java -jar → every service healthy (restart, data kept)",
                            seconds(again.awaitHealthy(Duration.ofMinutes(5))));
                }
            }
        } finally {
            Directories.delete(root);
        }
        report.note("The launcher runs as a child process with the JVM's default flags" + (jvmArgs.isEmpty() ? "" : " plus " + jvmArgs)
                + " (as the README runs it; the gateway's per-customer rate limit raised by system properties); the load "
                + "generator runs in the benchmark's JVM and is not counted. PSS divides shared pages among the processes "
                + "sharing them, so the PostgreSQL backends' shared buffers count once.");
    }

    private static void inProcess(Report report, Duration idle, ExecuteLoadRun.Settings load, PrintStream out)
            throws Exception {
        out.println("[footprint] starting the system in this JVM");
        long begin = System.nanoTime();
        try (BenchStack stack = BenchStack.start(Set.of(), ExecuteLoadRun.unlimitedGateway())) {
            Duration healthy = Health.awaitUp(stack.servicePorts(), begin, Duration.ofMinutes(5), () -> true);
            report.row("LocalStack.start → every service healthy (fresh data directory, JVM already running)", seconds(healthy));
            ProcessHandle self = ProcessHandle.current();
            String marker = stack.dataDir().toAbsolutePath().toString();
            measure(report, idle, load, out, self, marker, self.pid(), stack.cpUrl(),
                    stack.jdbcUrl(), BenchStack.superuserPassword(stack.dataDir()), stack.bootstrapServers());
        }
        report.note("The system runs in the benchmark's JVM (default JVM flags), so the JVM figures include the load "
                + "generator (JDK HttpClient and the latency arrays: a few tens of MiB at most). PSS divides shared pages "
                + "among the processes sharing them, so the PostgreSQL backends' shared buffers count once.");
    }

    private static void measure(Report report, Duration idle, ExecuteLoadRun.Settings load, PrintStream out,
            ProcessHandle jvm, String dataDir, long pid, String cpUrl, String jdbcUrl, String dbPassword, String bootstrap)
            throws Exception {
        java.util.function.Supplier<TreeMemory> tree = () -> TreeMemory.of(jvm, dataDir);
        out.println("[footprint] healthy; idle for " + idle);
        Thread.sleep(idle.toMillis());
        memoryRows(report, "idle", tree.get(), HeapInfo.usedKib(pid));

        ExecuteLoadRun.Measured measured;
        TreeMemory peak;
        try (PlantDatabase db = PlantDatabase.connect(jdbcUrl, "postgres", dbPassword);
             MemorySampler sampler = new MemorySampler(tree, Duration.ofMillis(250))) {
            measured = ExecuteLoadRun.run(cpUrl, db, bootstrap, load, () -> StackProcesses.of(jvm, dataDir), out);
            sampler.close();
            peak = sampler.peak();
        }
        long loadedHeap = HeapInfo.usedKib(pid);
        ProcessMemory jvmMemory = ProcessMemory.of(pid);
        report.row("under load: peak of JVM + PostgreSQL (PSS, sampled every 250 ms)",
                        TreeMemory.mib(peak.totalPssKib()) + verdict(peak.totalPssKib()))
                .row("under load: JVM peak resident (VmHWM, whole life)", TreeMemory.mib(jvmMemory.peakRssKib()))
                .row("under load: PostgreSQL processes at the peak (PSS)", TreeMemory.mib(peak.descendantsPssKib())
                        + " in " + peak.descendants().size() + " processes")
                .row("under load: heap used after the load (jcmd GC.heap_info)", heap(loadedHeap));
        measured.addTo(report, load);
    }

    private static void memoryRows(Report report, String when, TreeMemory tree, long heapKib) {
        report.row(when + ": JVM resident (VmRSS)", TreeMemory.mib(tree.root().rssKib()))
                .row(when + ": PostgreSQL processes (PSS)", TreeMemory.mib(tree.descendantsPssKib()) + " in "
                        + tree.descendants().size() + " processes")
                .row(when + ": JVM + PostgreSQL (PSS)", TreeMemory.mib(tree.totalPssKib()))
                .row(when + ": heap used (jcmd GC.heap_info)", heap(heapKib));
    }

    static String verdict(long kib) {
        return kib < TWO_GIB_KIB ? " (under the 2 GiB target)" : " (OVER the 2 GiB target)";
    }

    private static String heap(long kib) {
        return kib < 0 ? "n/a (no jcmd)" : TreeMemory.mib(kib);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
