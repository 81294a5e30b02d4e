package com.myagents.cp.vault;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every entry to the current master key by re-wrapping its data key; secrets are not
 * re-encrypted. Rows are read in ref order, one small update each, so the vault stays in use while it
 * runs: until a row is re-wrapped its old key (configured as a previous key) still opens it.
 *
 * <p>Rotation procedure, no downtime:
 * <ol>
 *   <li>Generate a new 32-byte key; configure it as {@code myagents.vault.master-key} with a new
 *       {@code myagents.vault.master-key-id}, and move the old key to
 *       {@code myagents.vault.previous-keys.<old id>}.</li>
 *   <li>Restart (instance by instance). New and rotated secrets use the new key at once; this job
 *       runs at start ({@code myagents.vault.rewrap-on-start}) and re-wraps the old rows.</li>
 *   <li>When no row uses the old id any more ({@code SELECT DISTINCT key_id FROM cp.vault_entries}),
 *       remove the previous key from configuration. A start with rows under an unconfigured key id
 *       refuses, so removing it too early cannot go unnoticed.</li>
 * </ol>
 */
public record KeyRotation(VaultEntries entries, EnvelopeCipher cipher) {

    public record Result(int rewrapped, int skipped) {
    }

    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** Whether any row is wrapped under a key other than the current one. */
    public boolean anyStaleEntries() {
        return !entries.keyIdsInUse().stream().allMatch(cipher.currentKeyId()::equals);
    }

    /** Re-wraps every entry whose key id is not the current one; safe to run again or concurrently. */
    public Result rewrapStaleEntries() {
        String current = cipher.currentKeyId();
        int rewrapped = 0;
        int skipped = 0;
        String after = "";
        List<VaultEntry> batch;
        do {
            batch = entries.wrappedWithOtherKeys(current, after, BATCH);
            for (VaultEntry entry : batch) {
                after = entry.credentialRef();
                if (rewrap(entry)) {
                    rewrapped++;
                } else {
                    skipped++;
                }
            }
        } while (batch.size() == BATCH);
        if (rewrapped + skipped > 0) {
            log.info("vault re-wrap to key {}: {} entries re-wrapped, {} skipped", current, rewrapped, skipped);
        }
        return new Result(rewrapped, skipped);
    }

    private boolean rewrap(VaultEntry entry) {
        try {
            SealedSecret rewrapped = cipher.rewrap(entry.owner(), entry.sealed());
            return entries.rewrap(entry.credentialRef(), entry.sealed(), rewrapped, entries.now());
        } catch (UnreadableSecretException e) {
            log.error("vault re-wrap skipped {}: {}", entry.credentialRef(), e.getMessage());
            return false;
        }
    }
}
