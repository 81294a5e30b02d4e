package com.myagents.cp.vault;

import static com.myagents.cp.jooq.generated.Tables.VAULT_ENTRIES;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.TableField;

/**
 * The table that describes one kind of credential, one row per envelope in {@code vault_entries}
 * and keyed by its ref. Reads join the two and select only customer-visible columns.
 *
 * @param <D> the descriptors as stored
 * @param <V> a credential as the customer sees it
 */
public abstract class CredentialDescriptors<D, V extends CredentialView> {

    /**
     * Where a kind's descriptors live.
     *
     * @param kind          the kind of vault entry the rows describe
     * @param credentialRef the descriptor table's key column, which names the envelope
     * @param columns       what a view is made of: the envelope's bookkeeping and the descriptors, never the ciphertext
     */
    public record Layout(SecretKind kind, TableField<?, String> credentialRef, List<SelectField<?>> columns) {
    }

    private final DSLContext db;
    private final Layout layout;

    protected CredentialDescriptors(DSLContext db, Layout layout) {
        this.db = db;
        this.layout = layout;
    }

    public SecretKind kind() {
        return layout.kind();
    }

    protected abstract V toView(Record row);

    protected abstract void insert(DSLContext db, String credentialRef, D descriptors);

    protected abstract void update(DSLContext db, String credentialRef, D descriptors);

    /** Public, so a proxied repository (exception translation) passes the call on to its target. */
    public void insert(String credentialRef, D descriptors) {
        insert(db, credentialRef, descriptors);
    }

    public void update(String credentialRef, D descriptors) {
        update(db, credentialRef, descriptors);
    }

    public List<V> list(UUID customerId) {
        return joined()
                .where(VAULT_ENTRIES.CUSTOMER_ID.eq(customerId))
                .orderBy(VAULT_ENTRIES.CREATED_AT, VAULT_ENTRIES.CREDENTIAL_REF)
                .fetch(this::toView);
    }

    /** The customer's credential; empty for anyone else's ref. */
    public Optional<V> find(UUID customerId, String ref) {
        if (!CredentialRefs.wellFormed(ref)) {
            return Optional.empty();
        }
        return joined()
                .where(VAULT_ENTRIES.CUSTOMER_ID.eq(customerId))
                .and(VAULT_ENTRIES.CREDENTIAL_REF.eq(ref))
                .fetchOptional()
                .map(this::toView);
    }

    private SelectOnConditionStep<Record> joined() {
        return db.select(layout.columns())
                .from(VAULT_ENTRIES)
                .join(layout.credentialRef().getTable()).on(layout.credentialRef().eq(VAULT_ENTRIES.CREDENTIAL_REF));
    }
}
