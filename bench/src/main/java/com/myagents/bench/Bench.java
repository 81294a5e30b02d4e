package com.myagents.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import com.myagents.bench.ceiling.CeilingRun;
import com.myagents.bench.enforcement.EnforcementRun;
import com.myagents.bench.execute.ExecuteRoundTripRun;
import com.myagents.bench.footprint.FootprintRun;
import com.myagents.bench.goals.GoalFanOutRun;

/**
 * {@code java -jar bench/target/myagents-bench.jar <benchmark> [--flag=value ...]}: one benchmark
 * per run, its figures printed as a Markdown section (and appended to {@code --out=FILE}).
 */
public final class Bench {

    /** One benchmark: reads its flags and prints its report. */
    @FunctionalInterface
    interface Benchmark {
        void run(Options options, PrintStream out) throws Exception;
    }

    static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>(Map.of(
            "ceiling", CeilingRun::run,
            "enforcement", EnforcementRun::run,
            "execute", ExecuteRoundTripRun::run,
            "goals", GoalFanOutRun::run,
            "footprint", FootprintRun::run));

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int exit = run(args, System.out, System.err);
        // the embedded broker and the services leave non-daemon threads behind them
        System.exit(exit);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
            err.println(usage(args.length == 0 ? null : args[0]));
            return 2;
        }
        Options options;
        try {
            options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        BENCHMARKS.get(args[0]).run(options, out);
        return 0;
    }

    static String usage(String given) {
        return (given == null ? "" : "no benchmark named " + given + "\n")
                + "usage: java -jar bench/target/myagents-bench.jar <benchmark> [--flag=value ...]\n"
                + "benchmarks: " + String.join(", ", BENCHMARKS.keySet()) + " (flags and defaults: bench/README.md)";
    }
}
