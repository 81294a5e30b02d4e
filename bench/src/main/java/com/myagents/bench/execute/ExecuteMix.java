package com.myagents.bench.execute;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Which execute call comes next: a share of them for an approved draft with its approval id (each
 * approval used once, so each is allowed), the others for a draft nobody approved (denied
 * {@code approval_missing}), interleaved evenly. When the approvals run out, calls are denied ones.
 */
public final class ExecuteMix {

    /** A draft approved through the API, with the approval id Plant minted for it. */
    public record Approved(UUID deliverable, String approvalId) {
    }

    /** One call: which draft, which approval (null: none), and whether it should be allowed. */
    public record Call(UUID deliverable, String approvalId, boolean expectAllowed) {
    }

    private final double allowShare;
    private final List<UUID> unapproved;
    private final List<Approved> approved;
    private int nextApproved;
    private long shortOfApprovals;

    public ExecuteMix(double allowShare, List<UUID> unapproved, List<Approved> approved) {
        if (allowShare < 0 || allowShare > 1) {
            throw new IllegalArgumentException("allow share must be within 0..1");
        }
        if (unapproved.isEmpty() && allowShare < 1) {
            throw new IllegalArgumentException("denied calls need at least one unapproved draft");
        }
        this.allowShare = allowShare;
        this.unapproved = List.copyOf(unapproved);
        this.approved = List.copyOf(approved);
    }

    /** How many approvals a run at {@code rate} for {@code length} uses, with a little to spare. */
    public static int approvalsNeeded(double rate, Duration length, double allowShare) {
        return (int) Math.ceil(rate * length.toMillis() / 1000.0 * allowShare * 1.02) + 10;
    }

    /** Call {@code index}; one generator thread asks, in order. */
    public Call next(long index) {
        boolean allowTurn = Math.floor((index + 1) * allowShare) > Math.floor(index * allowShare);
        if (allowTurn) {
            if (nextApproved < approved.size()) {
                Approved a = approved.get(nextApproved++);
                return new Call(a.deliverable(), a.approvalId(), true);
            }
            shortOfApprovals++;
        }
        return new Call(unapproved.get((int) Math.floorMod(index, (long) unapproved.size())), null, false);
    }

    /** Allowed turns that found no approval left (and were sent as denied calls). */
    public long shortOfApprovals() {
        return shortOfApprovals;
    }
}
