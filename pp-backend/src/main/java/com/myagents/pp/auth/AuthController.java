package com.myagents.pp.auth;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.door.DoorTokens;
import com.myagents.http.door.LoginRequest;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/pp/auth")
public class AuthController {

    static final String WRONG_CREDENTIALS = "The email or the password is not correct.";

    private final OperatorLogin login;
    private final DoorTokens tokens;

    public AuthController(OperatorLogin login, DoorTokens tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    /** Throttled per account and per client address: repeated failures lock out (429, Retry-After), audited. */
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    public LoginResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
        request.validate();
        return login.authenticate(request.email(), request.password(), http.getRemoteAddr(),
                        CorrelationIdFilter.current(http))
                .map(operator -> new LoginResponse(tokens.issue(operator.principal()), "Bearer", tokens.ttl().toSeconds(),
                        OperatorView.of(operator)))
                .orElseThrow(() -> ApiProblem.unauthorized(WRONG_CREDENTIALS));
    }

    @GetMapping("/me")
    public OperatorView me(HttpServletRequest request) {
        Principal principal = Principal.from(request);
        return login.account(UUID.fromString(principal.id()))
                .map(OperatorView::of)
                .orElseThrow(() -> ApiProblem.unauthorized("The account of this token no longer exists."));
    }
}
