package com.myagents.bench.execute;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.myagents.bench.Options;
import com.myagents.bench.ceiling.CeilingRun;
import com.myagents.bench.infra.BenchStack;
import com.myagents.bench.infra.PlantDatabase;
import com.myagents.bench.memory.StackProcesses;
import com.myagents.bench.report.Machine;
import com.myagents.bench.report.Report;

/**
 * The execute round trip through the whole system in one JVM, as the launcher runs it:
 * cp-backend → gateway → ingest-api → outbox → enforcement → decision → answer, at a fixed rate
 * from an open-loop generator in the same JVM, beside the broker's ceiling measured in the run.
 */
public final class ExecuteRoundTripRun {

    private ExecuteRoundTripRun() {
    }

    public static void run(Options options, PrintStream out) throws Exception {
        ExecuteLoadRun.Settings settings = settings(options);
        String services = options.text("services", "all");
        long ceilingRecords = options.number("ceiling-records", 100_000);
        var results = CeilingRun.resultsFile(options);
        if (!options.unread().isEmpty()) {
            throw new IllegalArgumentException("unknown flags " + options.unread());
        }
        Report report = new Report("execute round-trip", Machine.current()).flags(options.used());
        out.println("[execute] starting the system (" + services + ")");
        try (BenchStack stack = BenchStack.start(services(services), ExecuteLoadRun.unlimitedGateway())) {
            report.row("system start (in-process, fresh data directory) to every service up",
                    String.format(Locale.ROOT, "%.1f s", stack.startup().toMillis() / 1000.0));
            out.println("[execute] measuring the ceiling on the system's broker");
            CeilingRun.measure(stack.bootstrapServers(), ceilingRecords, settings.rate(), Duration.ofSeconds(10))
                    .addTo(report);
            try (PlantDatabase db = stack.database()) {
                String dataDir = stack.dataDir().toAbsolutePath().toString();
                ExecuteLoadRun.run(stack.cpUrl(), db, stack.bootstrapServers(), settings,
                        () -> StackProcesses.of(ProcessHandle.current(), dataDir), out).addTo(report, settings);
            }
        }
        report.note("Everything runs in one JVM: the embedded broker, every service of the launcher (unless --services "
                + "says otherwise), the load generator (JDK HttpClient, HTTP/1.1) and the ceiling's producer and consumer; "
                + "PostgreSQL runs beside it (CPU per call counts both; the JVM's share includes the load generator). "
                + "The gateway's per-customer rate limit is raised for the run: all calls come from the one demo customer.");
        report.publish(out, results);
    }

    static ExecuteLoadRun.Settings settings(Options options) {
        return new ExecuteLoadRun.Settings(options.decimal("rate", 500), options.duration("warmup", Duration.ofSeconds(10)),
                options.duration("duration", Duration.ofSeconds(60)), options.decimal("allow-share", 0.25),
                options.integer("unapproved-drafts", 200), options.integer("max-in-flight", 2_000));
    }

    static Set<String> services(String list) {
        if (list.isBlank() || list.equals("all")) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
