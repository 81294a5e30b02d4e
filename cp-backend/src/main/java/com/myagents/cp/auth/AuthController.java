package com.myagents.cp.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.door.DoorTokens;
import com.myagents.http.door.LoginRequest;
import com.myagents.cp.customers.Customer;
import com.myagents.cp.customers.CustomerRepository;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.throttle.LoginThrottle;

import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/cp/auth")
public class AuthController {

    static final String WRONG_CREDENTIALS = "The email or the password is not correct.";

    private final CustomerLogin login;
    private final DoorTokens tokens;
    private final CustomerRepository customers;
    private final LoginThrottle throttle;
    private final LoginAudit audit;

    public AuthController(CustomerLogin login, DoorTokens tokens, CustomerRepository customers,
                          LoginThrottle throttle, LoginAudit audit) {
        this.login = login;
        this.tokens = tokens;
        this.customers = customers;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** Throttled per account and per client address: repeated failures lock out (429, Retry-After), audited. */
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    public LoginResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
        request.validate();
        String address = http.getRemoteAddr();
        String correlationId = CorrelationIdFilter.current(http);
        try {
            throttle.check(request.email(), address);
        } catch (ApiProblem locked) {
            audit.record(request.email(), address, LoginAudit.LOCKED_OUT, correlationId);
            throw locked;
        }
        Optional<Customer> customer = login.authenticate(request.email(), request.password());
        if (customer.isEmpty()) {
            LoginThrottle.Outcome outcome = throttle.failed(request.email(), address);
            audit.record(request.email(), address, outcome.name().toLowerCase(Locale.ROOT), correlationId);
            throw ApiProblem.unauthorized(WRONG_CREDENTIALS);
        }
        throttle.succeeded(request.email());
        return new LoginResponse(tokens.issue(customer.get().principal()), "Bearer", tokens.ttl().toSeconds(),
                CustomerView.of(customer.get()));
    }

    @GetMapping("/me")
    public CustomerView me(HttpServletRequest request) {
        Principal principal = Principal.from(request);
        return customers.findById(UUID.fromString(principal.id()))
                .map(CustomerView::of)
                .orElseThrow(() -> ApiProblem.unauthorized("The account of this token no longer exists."));
    }
}
