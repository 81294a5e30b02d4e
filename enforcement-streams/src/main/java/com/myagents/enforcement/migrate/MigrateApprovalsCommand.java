package com.myagents.enforcement.migrate;

import java.io.PrintStream;

import com.myagents.contracts.Topics;
import com.myagents.enforcement.app.BrokerOptions;

/**
 * {@code migrate-approvals [--bootstrap-servers host:port] [--command-config client.properties]}:
 * replays the approvals of the retired v1 topic onto v2 ({@link ApprovalsMigration}) and prints what
 * it did. Exit status: 0 done, 1 some v1 records could not be read (the rest is done), 64 bad arguments.
 */
public final class MigrateApprovalsCommand {

    public static final int USAGE = 64;

    private MigrateApprovalsCommand() {
    }

    /** @param args the arguments after {@code migrate-approvals} */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        BrokerOptions broker = new BrokerOptions();
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (!broker.accept(args[i], value)) {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (IllegalArgumentException bad) {
            err.println("migrate-approvals: " + bad.getMessage());
            err.println("usage: migrate-approvals [--bootstrap-servers host:port] [--command-config client.properties]");
            return USAGE;
        }
        ApprovalsMigration.Outcome outcome = new ApprovalsMigration(broker.client()).run();
        out.printf("%s → %s: %d deliverables with an approval event, %d copied, %d left alone (already on %s)%n",
                Topics.APPROVALS_V1.name(), Topics.APPROVALS.name(), outcome.latest(), outcome.copied(),
                outcome.alreadyOnV2(), Topics.APPROVALS.name());
        if (outcome.unreadable() > 0) {
            out.printf("%d records of %s could not be read or name no deliverable or subscription: not copied%n",
                    outcome.unreadable(), Topics.APPROVALS_V1.name());
            return 1;
        }
        return 0;
    }
}
