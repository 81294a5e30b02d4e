package com.myagents.cp.vault.platform;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.vault.CustomerCredentialController;

/** Marketing platforms' tokens go in here and never come back out: answers carry refs and hints only. */
@RestController
@RequestMapping(PlatformCredentialController.PATH)
public class PlatformCredentialController
        extends CustomerCredentialController<PlatformCredentialRequest, PlatformCredentialView> {

    static final String PATH = "/api/cp/platform-credentials";

    public PlatformCredentialController(PlatformCredentials credentials) {
        super(credentials, PATH, "credentials");
    }
}
