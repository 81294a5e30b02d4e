package com.myagents.cp.auth;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.customers.CustomerRepository;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/cp/auth")
public class AuthController {

    static final String WRONG_CREDENTIALS = "The email or the password is not correct.";

    private final CustomerLogin login;
    private final CustomerTokens tokens;
    private final CustomerRepository customers;

    public AuthController(CustomerLogin login, CustomerTokens tokens, CustomerRepository customers) {
        this.login = login;
        this.tokens = tokens;
        this.customers = customers;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    public LoginResponse login(@RequestBody LoginRequest request) {
        request.validate();
        return login.authenticate(request.email(), request.password())
                .map(customer -> new LoginResponse(tokens.issue(customer), "Bearer", tokens.ttl().toSeconds(),
                        CustomerView.of(customer)))
                .orElseThrow(() -> ApiProblem.unauthorized(WRONG_CREDENTIALS));
    }

    @GetMapping("/me")
    public CustomerView me(HttpServletRequest request) {
        Principal principal = Principal.from(request);
        return customers.findById(UUID.fromString(principal.id()))
                .map(CustomerView::of)
                .orElseThrow(() -> ApiProblem.unauthorized("The account of this token no longer exists."));
    }
}
