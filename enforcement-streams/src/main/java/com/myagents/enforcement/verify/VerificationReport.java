package com.myagents.enforcement.verify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a verification found, per policy version: how many decisions were re-decided identically,
 * each mismatch in full, and the versions this build cannot replay, said plainly.
 */
public final class VerificationReport {

    /** Every decision replayed gave its recorded decision. */
    public static final int IDENTICAL = 0;
    /** At least one decision is not what its policy gives for its recorded inputs. */
    public static final int MISMATCH = 1;
    /** No mismatch, but some decisions are of versions this build cannot replay: unverified. */
    public static final int UNVERIFIED = 2;

    private final Map<String, int[]> byVersion = new TreeMap<>();
    private final Map<String, Integer> notReplayable = new TreeMap<>();
    private final List<Redecided.Mismatch> mismatches = new ArrayList<>();

    public void add(Redecided redecided) {
        String version = redecided.policyVersion() == null ? "(unknown)" : redecided.policyVersion();
        if (redecided instanceof Redecided.NotReplayable) {
            notReplayable.merge(version, 1, Integer::sum);
        } else if (redecided instanceof Redecided.Mismatch mismatch) {
            count(version)[1]++;
            mismatches.add(mismatch);
        } else {
            count(version)[0]++;
        }
    }

    private int[] count(String version) {
        return byVersion.computeIfAbsent(version, v -> new int[2]);
    }

    public List<Redecided.Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    /** Decisions re-decided identically under {@code version}. */
    public int identical(String version) {
        int[] counts = byVersion.get(version);
        return counts == null ? 0 : counts[0];
    }

    public int exitStatus() {
        if (!mismatches.isEmpty()) {
            return MISMATCH;
        }
        return notReplayable.isEmpty() ? IDENTICAL : UNVERIFIED;
    }

    public void print(PrintStream out) {
        if (byVersion.isEmpty() && notReplayable.isEmpty()) {
            out.println("no decisions in the range");
        }
        byVersion.forEach((version, counts) -> out.println("policy " + version + ": re-decided " + counts[0] + " of "
                + (counts[0] + counts[1]) + " identically" + (counts[1] == 0 ? "" : ", " + counts[1] + " mismatched")));
        notReplayable.forEach((version, count) -> out.println("policy " + version + ": cannot replay " + count
                + " decision" + (count == 1 ? "" : "s") + " — this build holds only the rules of " + Replay.REPLAYABLE
                + "; earlier versions did not record every input their rules read"));
        for (Redecided.Mismatch m : mismatches) {
            out.println("MISMATCH " + m.kind() + " correlation_id=" + m.correlationId() + " policy=" + m.policyVersion()
                    + ": recorded " + m.recorded() + ", recomputed " + m.recomputed());
            out.println("  differing inputs: " + (m.differingInputs().isEmpty() ? "none" : ""));
            m.differingInputs().forEach(d -> out.println("    " + d));
            m.otherDifferences().forEach(d -> out.println("  " + d));
        }
    }
}
