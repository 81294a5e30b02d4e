package com.myagents.cp.vault.exchange;

import static com.myagents.cp.jooq.generated.Tables.EXCHANGE_SETUPS;
import static com.myagents.cp.jooq.generated.Tables.VAULT_ENTRIES;

import java.math.BigDecimal;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import com.myagents.cp.vault.CredentialDescriptors;
import com.myagents.cp.vault.SecretKind;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The limits of each exchange setup, beside its envelope in {@code vault_entries}. */
@Repository
public class ExchangeSetupRepository extends CredentialDescriptors<ExchangeSetupRequest.Valid, ExchangeSetupView> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> COINS = new TypeReference<>() {
    };

    private static final List<SelectField<?>> COLUMNS = List.of(
            VAULT_ENTRIES.CREDENTIAL_REF, EXCHANGE_SETUPS.EXCHANGE_PROVIDER, EXCHANGE_SETUPS.DEFAULT_COIN,
            EXCHANGE_SETUPS.ALLOWED_COINS, EXCHANGE_SETUPS.MAX_UNITS_PER_ORDER, EXCHANGE_SETUPS.MAX_NOTIONAL_INR,
            VAULT_ENTRIES.HINT, VAULT_ENTRIES.CREATED_AT, VAULT_ENTRIES.ROTATED_AT, VAULT_ENTRIES.LAST_USED_AT);

    public ExchangeSetupRepository(DSLContext db) {
        super(db, new Layout(SecretKind.EXCHANGE, EXCHANGE_SETUPS.CREDENTIAL_REF, COLUMNS));
    }

    @Override
    protected void insert(DSLContext db, String credentialRef, ExchangeSetupRequest.Valid setup) {
        db.insertInto(EXCHANGE_SETUPS)
                .set(EXCHANGE_SETUPS.CREDENTIAL_REF, credentialRef)
                .set(EXCHANGE_SETUPS.EXCHANGE_PROVIDER, ExchangeSetupRequest.PROVIDER)
                .set(EXCHANGE_SETUPS.DEFAULT_COIN, setup.defaultCoin())
                .set(EXCHANGE_SETUPS.ALLOWED_COINS, JSONB.valueOf(JSON.writeValueAsString(setup.allowedCoins())))
                .set(EXCHANGE_SETUPS.MAX_UNITS_PER_ORDER, setup.maxUnitsPerOrder())
                .set(EXCHANGE_SETUPS.MAX_NOTIONAL_INR, setup.maxNotionalInr())
                .execute();
    }

    @Override
    protected void update(DSLContext db, String credentialRef, ExchangeSetupRequest.Valid setup) {
        db.update(EXCHANGE_SETUPS)
                .set(EXCHANGE_SETUPS.DEFAULT_COIN, setup.defaultCoin())
                .set(EXCHANGE_SETUPS.ALLOWED_COINS, JSONB.valueOf(JSON.writeValueAsString(setup.allowedCoins())))
                .set(EXCHANGE_SETUPS.MAX_UNITS_PER_ORDER, setup.maxUnitsPerOrder())
                .set(EXCHANGE_SETUPS.MAX_NOTIONAL_INR, setup.maxNotionalInr())
                .where(EXCHANGE_SETUPS.CREDENTIAL_REF.eq(credentialRef))
                .execute();
    }

    @Override
    protected ExchangeSetupView toView(Record row) {
        return new ExchangeSetupView(row.get(VAULT_ENTRIES.CREDENTIAL_REF), row.get(EXCHANGE_SETUPS.EXCHANGE_PROVIDER),
                row.get(EXCHANGE_SETUPS.DEFAULT_COIN),
                JSON.readValue(row.get(EXCHANGE_SETUPS.ALLOWED_COINS).data(), COINS),
                plain(row.get(EXCHANGE_SETUPS.MAX_UNITS_PER_ORDER)), plain(row.get(EXCHANGE_SETUPS.MAX_NOTIONAL_INR)),
                row.get(VAULT_ENTRIES.HINT), row.get(VAULT_ENTRIES.CREATED_AT), row.get(VAULT_ENTRIES.ROTATED_AT),
                row.get(VAULT_ENTRIES.LAST_USED_AT));
    }

    /** {@code 5.00000000} as {@code 5}, {@code 50} never as {@code 5E+1}. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
