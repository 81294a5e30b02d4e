package com.myagents.cp.vault;

import static com.myagents.cp.jooq.generated.Tables.VAULT_ENTRIES;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import com.myagents.cp.jooq.generated.tables.records.VaultEntriesRecord;

/** The envelopes in {@code vault_entries}; every lookup for a customer is scoped to that customer. */
@Component
public record VaultEntries(DSLContext db, Clock clock) {

    /** The time to stamp on a row: UTC in microseconds, as the table keeps it, so what is returned equals what is read back. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public void insert(VaultEntry entry) {
        SealedSecret sealed = entry.sealed();
        db.insertInto(VAULT_ENTRIES)
                .set(VAULT_ENTRIES.CREDENTIAL_REF, entry.credentialRef())
                .set(VAULT_ENTRIES.CUSTOMER_ID, entry.customerId())
                .set(VAULT_ENTRIES.KIND, entry.kind().dbValue())
                .set(VAULT_ENTRIES.HINT, entry.hint())
                .set(VAULT_ENTRIES.KEY_ID, sealed.keyId())
                .set(VAULT_ENTRIES.DATA_KEY_NONCE, sealed.dataKeyNonce())
                .set(VAULT_ENTRIES.WRAPPED_DATA_KEY, sealed.wrappedDataKey())
                .set(VAULT_ENTRIES.SECRET_NONCE, sealed.secretNonce())
                .set(VAULT_ENTRIES.SECRET_CIPHERTEXT, sealed.secretCiphertext())
                .set(VAULT_ENTRIES.CREATED_AT, entry.createdAt())
                .set(VAULT_ENTRIES.WRAPPED_AT, entry.createdAt())
                .execute();
    }

    /** The entry, if it exists, belongs to {@code customerId} and is of {@code kind}. */
    public Optional<VaultEntry> find(UUID customerId, String credentialRef, SecretKind kind) {
        if (!CredentialRefs.wellFormed(credentialRef)) {
            return Optional.empty();
        }
        return db.selectFrom(VAULT_ENTRIES)
                .where(VAULT_ENTRIES.CREDENTIAL_REF.eq(credentialRef))
                .and(VAULT_ENTRIES.CUSTOMER_ID.eq(customerId))
                .and(VAULT_ENTRIES.KIND.eq(kind.dbValue()))
                .fetchOptional()
                .map(VaultEntries::toEntry);
    }

    /** The entry of any kind, if it exists and belongs to {@code customerId}. */
    public Optional<VaultEntry> find(UUID customerId, String credentialRef) {
        if (!CredentialRefs.wellFormed(credentialRef)) {
            return Optional.empty();
        }
        return db.selectFrom(VAULT_ENTRIES)
                .where(VAULT_ENTRIES.CREDENTIAL_REF.eq(credentialRef))
                .and(VAULT_ENTRIES.CUSTOMER_ID.eq(customerId))
                .fetchOptional()
                .map(VaultEntries::toEntry);
    }

    /** A new secret for an existing entry, under a fresh data key. */
    public void replaceSecret(String credentialRef, SealedSecret sealed, String hint, OffsetDateTime rotatedAt) {
        db.update(VAULT_ENTRIES)
                .set(VAULT_ENTRIES.HINT, hint)
                .set(VAULT_ENTRIES.KEY_ID, sealed.keyId())
                .set(VAULT_ENTRIES.DATA_KEY_NONCE, sealed.dataKeyNonce())
                .set(VAULT_ENTRIES.WRAPPED_DATA_KEY, sealed.wrappedDataKey())
                .set(VAULT_ENTRIES.SECRET_NONCE, sealed.secretNonce())
                .set(VAULT_ENTRIES.SECRET_CIPHERTEXT, sealed.secretCiphertext())
                .set(VAULT_ENTRIES.ROTATED_AT, rotatedAt)
                .set(VAULT_ENTRIES.WRAPPED_AT, rotatedAt)
                .where(VAULT_ENTRIES.CREDENTIAL_REF.eq(credentialRef))
                .execute();
    }

    /** Deletes the customer's entry (descriptors cascade); false when there is no such entry of theirs. */
    public boolean delete(UUID customerId, String credentialRef, SecretKind kind) {
        return CredentialRefs.wellFormed(credentialRef) && db.deleteFrom(VAULT_ENTRIES)
                .where(VAULT_ENTRIES.CREDENTIAL_REF.eq(credentialRef))
                .and(VAULT_ENTRIES.CUSTOMER_ID.eq(customerId))
                .and(VAULT_ENTRIES.KIND.eq(kind.dbValue()))
                .execute() == 1;
    }

    /** Of {@code refs}, those that are the customer's, with their kinds; one query for all of them. */
    public Map<String, SecretKind> kindsOwnedBy(UUID customerId, Collection<String> refs) {
        List<String> candidates = refs.stream().filter(CredentialRefs::wellFormed).distinct().toList();
        if (candidates.isEmpty()) {
            return Map.of();
        }
        return db.select(VAULT_ENTRIES.CREDENTIAL_REF, VAULT_ENTRIES.KIND)
                .from(VAULT_ENTRIES)
                .where(VAULT_ENTRIES.CUSTOMER_ID.eq(customerId))
                .and(VAULT_ENTRIES.CREDENTIAL_REF.in(candidates))
                .fetch()
                .stream()
                .collect(Collectors.toMap(row -> row.value1(), row -> SecretKind.fromDb(row.value2())));
    }

    public void markUsed(String credentialRef, OffsetDateTime at) {
        db.update(VAULT_ENTRIES)
                .set(VAULT_ENTRIES.LAST_USED_AT, at)
                .where(VAULT_ENTRIES.CREDENTIAL_REF.eq(credentialRef))
                .execute();
    }

    public Set<String> keyIdsInUse() {
        return Set.copyOf(db.selectDistinct(VAULT_ENTRIES.KEY_ID).from(VAULT_ENTRIES).fetch(VAULT_ENTRIES.KEY_ID));
    }

    /** Entries wrapped with a key other than {@code currentKeyId}, in ref order after {@code afterRef}. */
    public List<VaultEntry> wrappedWithOtherKeys(String currentKeyId, String afterRef, int limit) {
        return db.selectFrom(VAULT_ENTRIES)
                .where(VAULT_ENTRIES.KEY_ID.ne(currentKeyId))
                .and(VAULT_ENTRIES.CREDENTIAL_REF.gt(afterRef))
                .orderBy(VAULT_ENTRIES.CREDENTIAL_REF)
                .limit(limit)
                .fetch(VaultEntries::toEntry);
    }

    /**
     * Swaps in a re-wrapped data key, only if the row still holds the envelope it was read with (a
     * customer may have rotated the secret meanwhile, which already used the current key).
     */
    public boolean rewrap(String credentialRef, SealedSecret before, SealedSecret after, OffsetDateTime at) {
        return db.update(VAULT_ENTRIES)
                .set(VAULT_ENTRIES.KEY_ID, after.keyId())
                .set(VAULT_ENTRIES.DATA_KEY_NONCE, after.dataKeyNonce())
                .set(VAULT_ENTRIES.WRAPPED_DATA_KEY, after.wrappedDataKey())
                .set(VAULT_ENTRIES.WRAPPED_AT, at)
                .where(VAULT_ENTRIES.CREDENTIAL_REF.eq(credentialRef))
                .and(VAULT_ENTRIES.KEY_ID.eq(before.keyId()))
                .and(VAULT_ENTRIES.WRAPPED_DATA_KEY.eq(before.wrappedDataKey()))
                .execute() == 1;
    }

    static VaultEntry toEntry(VaultEntriesRecord row) {
        SealedSecret sealed = new SealedSecret(row.getKeyId(), row.getDataKeyNonce(), row.getWrappedDataKey(),
                row.getSecretNonce(), row.getSecretCiphertext());
        return new VaultEntry(row.getCredentialRef(), row.getCustomerId(), SecretKind.fromDb(row.getKind()),
                row.getHint(), sealed, row.getCreatedAt(), row.getRotatedAt(), row.getLastUsedAt());
    }
}
