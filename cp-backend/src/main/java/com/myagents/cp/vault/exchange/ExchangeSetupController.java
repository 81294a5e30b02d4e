package com.myagents.cp.vault.exchange;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.vault.CustomerCredentialController;

/** Exchange keys go in here and never come back out: answers carry refs, limits and a hint only. */
@RestController
@RequestMapping(ExchangeSetupController.PATH)
public class ExchangeSetupController extends CustomerCredentialController<ExchangeSetupRequest, ExchangeSetupView> {

    static final String PATH = "/api/cp/exchange-setup";

    public ExchangeSetupController(ExchangeSetups setups) {
        super(setups, PATH, "exchange_setups");
    }
}
