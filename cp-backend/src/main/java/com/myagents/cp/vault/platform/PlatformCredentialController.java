package com.myagents.cp.vault.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.customers.CallingCustomer;

import jakarta.servlet.http.HttpServletRequest;

/** Marketing platforms' tokens go in here and never come back out: answers carry refs and hints only. */
@RestController
@RequestMapping("/api/cp/platform-credentials")
public class PlatformCredentialController {

    static final String PATH = "/api/cp/platform-credentials";

    private final PlatformCredentials credentials;

    public PlatformCredentialController(PlatformCredentials credentials) {
        this.credentials = credentials;
    }

    @PutMapping
    public ResponseEntity<PlatformCredentialView> save(@RequestBody PlatformCredentialRequest body,
                                                       HttpServletRequest request) {
        PlatformCredentials.Saved saved = credentials.save(CallingCustomer.id(request), body);
        if (saved.created()) {
            return ResponseEntity.created(URI.create(PATH + "/" + saved.credential().credentialRef()))
                    .body(saved.credential());
        }
        return ResponseEntity.ok(saved.credential());
    }

    @GetMapping
    public Map<String, List<PlatformCredentialView>> list(HttpServletRequest request) {
        return Map.of("credentials", credentials.list(CallingCustomer.id(request)));
    }

    @GetMapping("/{credential_ref}")
    public PlatformCredentialView get(@PathVariable("credential_ref") String credentialRef, HttpServletRequest request) {
        return credentials.get(CallingCustomer.id(request), credentialRef);
    }

    @DeleteMapping("/{credential_ref}")
    public ResponseEntity<Void> delete(@PathVariable("credential_ref") String credentialRef, HttpServletRequest request) {
        credentials.delete(CallingCustomer.id(request), credentialRef);
        return ResponseEntity.noContent().build();
    }
}
