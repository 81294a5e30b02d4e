package com.myagents.cp.vault.platform;

import static com.myagents.cp.jooq.generated.Tables.PLATFORM_CREDENTIALS;
import static com.myagents.cp.jooq.generated.Tables.VAULT_ENTRIES;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import com.myagents.cp.vault.CredentialDescriptors;
import com.myagents.cp.vault.SecretKind;

/** What each platform credential is for, beside its envelope in {@code vault_entries}. */
@Repository
public class PlatformCredentialRepository
        extends CredentialDescriptors<PlatformCredentialRequest, PlatformCredentialView> {

    private static final List<SelectField<?>> COLUMNS = List.of(
            VAULT_ENTRIES.CREDENTIAL_REF, PLATFORM_CREDENTIALS.PLATFORM, PLATFORM_CREDENTIALS.POSTING_IDENTITY,
            VAULT_ENTRIES.HINT, PLATFORM_CREDENTIALS.EXPIRES_AT, VAULT_ENTRIES.CREATED_AT, VAULT_ENTRIES.ROTATED_AT,
            VAULT_ENTRIES.LAST_USED_AT);

    public PlatformCredentialRepository(DSLContext db) {
        super(db, new Layout(SecretKind.PLATFORM, PLATFORM_CREDENTIALS.CREDENTIAL_REF, COLUMNS));
    }

    @Override
    protected void insert(DSLContext db, String credentialRef, PlatformCredentialRequest request) {
        db.insertInto(PLATFORM_CREDENTIALS)
                .set(PLATFORM_CREDENTIALS.CREDENTIAL_REF, credentialRef)
                .set(PLATFORM_CREDENTIALS.PLATFORM, request.platform())
                .set(PLATFORM_CREDENTIALS.POSTING_IDENTITY, request.postingIdentity().strip())
                .set(PLATFORM_CREDENTIALS.EXPIRES_AT, normalized(request.expiresAt()))
                .execute();
    }

    @Override
    protected void update(DSLContext db, String credentialRef, PlatformCredentialRequest request) {
        db.update(PLATFORM_CREDENTIALS)
                .set(PLATFORM_CREDENTIALS.POSTING_IDENTITY, request.postingIdentity().strip())
                .set(PLATFORM_CREDENTIALS.EXPIRES_AT, normalized(request.expiresAt()))
                .where(PLATFORM_CREDENTIALS.CREDENTIAL_REF.eq(credentialRef))
                .execute();
    }

    @Override
    protected PlatformCredentialView toView(Record row) {
        return new PlatformCredentialView(row.get(VAULT_ENTRIES.CREDENTIAL_REF), row.get(PLATFORM_CREDENTIALS.PLATFORM),
                row.get(PLATFORM_CREDENTIALS.POSTING_IDENTITY), row.get(VAULT_ENTRIES.HINT),
                row.get(PLATFORM_CREDENTIALS.EXPIRES_AT), row.get(VAULT_ENTRIES.CREATED_AT),
                row.get(VAULT_ENTRIES.ROTATED_AT), row.get(VAULT_ENTRIES.LAST_USED_AT));
    }

    private static OffsetDateTime normalized(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
