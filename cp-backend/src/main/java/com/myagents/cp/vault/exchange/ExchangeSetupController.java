package com.myagents.cp.vault.exchange;

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

/** Exchange keys go in here and never come back out: answers carry refs, limits and a hint only. */
@RestController
@RequestMapping("/api/cp/exchange-setup")
public class ExchangeSetupController {

    static final String PATH = "/api/cp/exchange-setup";

    private final ExchangeSetups setups;

    public ExchangeSetupController(ExchangeSetups setups) {
        this.setups = setups;
    }

    @PutMapping
    public ResponseEntity<ExchangeSetupView> save(@RequestBody ExchangeSetupRequest body, HttpServletRequest request) {
        ExchangeSetups.Saved saved = setups.save(CallingCustomer.id(request), body);
        if (saved.created()) {
            return ResponseEntity.created(URI.create(PATH + "/" + saved.setup().credentialRef())).body(saved.setup());
        }
        return ResponseEntity.ok(saved.setup());
    }

    @GetMapping
    public Map<String, List<ExchangeSetupView>> list(HttpServletRequest request) {
        return Map.of("exchange_setups", setups.list(CallingCustomer.id(request)));
    }

    @GetMapping("/{credential_ref}")
    public ExchangeSetupView get(@PathVariable("credential_ref") String credentialRef, HttpServletRequest request) {
        return setups.get(CallingCustomer.id(request), credentialRef);
    }

    @DeleteMapping("/{credential_ref}")
    public ResponseEntity<Void> delete(@PathVariable("credential_ref") String credentialRef, HttpServletRequest request) {
        setups.delete(CallingCustomer.id(request), credentialRef);
        return ResponseEntity.noContent().build();
    }
}
