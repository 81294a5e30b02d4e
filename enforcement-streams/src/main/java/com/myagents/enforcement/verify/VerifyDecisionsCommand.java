package com.myagents.enforcement.verify;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.myagents.enforcement.app.BrokerOptions;

/**
 * {@code verify-decisions [--from ISO-8601] [--to ISO-8601] [--bootstrap-servers host:port]
 * [--command-config client.properties]}: re-decides every recorded decision in the range from
 * the decision topics alone and prints, per policy version, how many were re-decided identically
 * and every mismatch. Exit status: 0 all identical, 1 any mismatch, 2 some decisions of versions
 * this build cannot replay (unverified), 64 bad arguments.
 */
public final class VerifyDecisionsCommand {

    public static final int USAGE = 64;

    private VerifyDecisionsCommand() {
    }

    /** @param args the arguments after {@code verify-decisions} */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Instant from = null;
        Instant to = null;
        BrokerOptions broker = new BrokerOptions();
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--from" -> from = Instant.parse(BrokerOptions.required("--from", value));
                    case "--to" -> to = Instant.parse(BrokerOptions.required("--to", value));
                    default -> {
                        if (!broker.accept(args[i], value)) {
                            throw new IllegalArgumentException("unknown argument " + args[i]);
                        }
                    }
                }
                i++;
            }
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            err.println("verify-decisions: " + bad.getMessage());
            err.println("usage: verify-decisions [--from 2026-12-01T00:00:00Z] [--to …] [--bootstrap-servers host:port]"
                    + " [--command-config client.properties]");
            return USAGE;
        }
        VerificationReport report = new VerificationReport();
        new DecisionTopics(broker.client()).read(from, to, recorded -> report.add(Replay.of(recorded)));
        report.print(out);
        return report.exitStatus();
    }
}
