package com.myagents.enforcement.topology;

import java.time.Duration;
import java.util.Objects;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.enforcement.stages.StageMemory;
import com.myagents.streams.StoreKind;

/**
 * What the enforcement topology needs besides its topics.
 *
 * @param signer        signs every allowed command
 * @param stores        RocksDB or in-memory state stores
 * @param memory        how long a decided correlation id (and a used approval past its expiry) is
 *                      remembered; at least the retention of the requests topic
 * @param purgeInterval how often, by the wall clock, forgotten entries are removed
 * @param approvalGrace how long a request waits for an approval enforcement has not read yet (it
 *                      comes on another topic) before it is denied as not found or not the latest
 */
public record EnforcementSettings(CommandSigner signer, StoreKind stores, Duration memory, Duration purgeInterval,
                                  Duration approvalGrace) {

    /** Well inside ingest-api's decision wait, long enough for an approval's record to be read. */
    public static final Duration APPROVAL_GRACE = Duration.ofSeconds(2);

    public EnforcementSettings {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(stores, "stores");
        if (memory.compareTo(Topics.EXECUTION_REQUESTS.retention()) < 0) {
            throw new IllegalArgumentException("decided requests must be remembered at least as long as the requests topic keeps them ("
                    + Topics.EXECUTION_REQUESTS.retention() + ")");
        }
        if (approvalGrace.isNegative()) {
            throw new IllegalArgumentException("the approval grace cannot be negative: " + approvalGrace);
        }
    }

    /** What the stages that remember keep, and how often they forget. */
    public StageMemory stageMemory() {
        return new StageMemory(memory, purgeInterval);
    }

    public static EnforcementSettings of(CommandSigner signer, StoreKind stores) {
        return new EnforcementSettings(signer, stores, Topics.EXECUTION_REQUESTS.retention(), Duration.ofHours(1),
                APPROVAL_GRACE);
    }
}
