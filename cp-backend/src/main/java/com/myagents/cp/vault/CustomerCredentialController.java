package com.myagents.cp.vault;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import com.myagents.cp.customers.CallingCustomer;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One kind of credential's endpoints under its path: secrets go in and never come back out, answers
 * carry refs, descriptors and a hint only. A subclass maps the path and names the list.
 */
public abstract class CustomerCredentialController<R extends CredentialRequest<?>, V extends CredentialView> {

    private final CustomerCredentials<R, ?, V> credentials;
    private final String path;
    private final String listName;

    /** @param listName the name the list answer puts the credentials under */
    protected CustomerCredentialController(CustomerCredentials<R, ?, V> credentials, String path, String listName) {
        this.credentials = credentials;
        this.path = path;
        this.listName = listName;
    }

    @PutMapping
    public ResponseEntity<V> save(@RequestBody R body, HttpServletRequest request) {
        CustomerCredentials.Saved<V> saved = credentials.save(CallingCustomer.id(request), body);
        if (saved.created()) {
            return ResponseEntity.created(URI.create(path + "/" + saved.credential().credentialRef()))
                    .body(saved.credential());
        }
        return ResponseEntity.ok(saved.credential());
    }

    @GetMapping
    public Map<String, List<V>> list(HttpServletRequest request) {
        return Map.of(listName, credentials.list(CallingCustomer.id(request)));
    }

    @GetMapping("/{credential_ref}")
    public V get(@PathVariable("credential_ref") String credentialRef, HttpServletRequest request) {
        return credentials.get(CallingCustomer.id(request), credentialRef);
    }

    @DeleteMapping("/{credential_ref}")
    public ResponseEntity<Void> delete(@PathVariable("credential_ref") String credentialRef, HttpServletRequest request) {
        credentials.delete(CallingCustomer.id(request), credentialRef);
        return ResponseEntity.noContent().build();
    }
}
