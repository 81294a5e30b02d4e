package com.myagents.cp.vault.exchange;

import org.springframework.stereotype.Service;

import com.myagents.cp.vault.CustomerCredentials;
import com.myagents.cp.vault.Vault;

/** A customer's exchange setups: create, rotate keys and limits, list, delete. Another customer's ref is "not found". */
@Service
public class ExchangeSetups
        extends CustomerCredentials<ExchangeSetupRequest, ExchangeSetupRequest.Valid, ExchangeSetupView> {

    public ExchangeSetups(Vault vault, ExchangeSetupRepository setups) {
        super(vault, setups);
    }
}
