package com.myagents.http.door;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A door's sign-in endpoints under the path its subclass maps: {@code POST login} trades an email and
 * password for the door's bearer token, {@code GET me} says who a token's account is while it still
 * exists. The door's accounts decide who may sign in; the door shapes the answers.
 *
 * @param <A> an account of the door (a customer, an operator)
 * @param <V> what the browser may know about it
 */
public abstract class SignInController<A extends SignInController.Account, V> {

    public static final String WRONG_CREDENTIALS = "The email or the password is not correct.";

    /** Someone who can sign in at a door. */
    public interface Account {

        /** Who the account is on every hop. */
        Principal principal();
    }

    /** The door's side of signing in. */
    public interface Accounts<A> {

        /**
         * The account an email and password name, the same empty answer for "no such email" and
         * "wrong password".
         *
         * @throws ApiProblem 429 while the account or {@code address} is locked out
         */
        Optional<A> authenticate(String email, String password, String address, String correlationId);

        /** The account a token names, while it still exists. */
        Optional<A> account(UUID id);
    }

    /** The answer to a sign-in, as the door's browser reads it. */
    @FunctionalInterface
    public interface Answer<V> {

        Object of(String accessToken, String tokenType, long expiresInSeconds, V who);
    }

    private final Accounts<A> accounts;
    private final DoorTokens tokens;
    private final Function<A, V> view;
    private final Answer<V> answer;

    protected SignInController(Accounts<A> accounts, DoorTokens tokens, Function<A, V> view, Answer<V> answer) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.view = view;
        this.answer = answer;
    }

    /** Throttled per account and per client address: repeated failures lock out (429, Retry-After), audited. */
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Object login(@RequestBody LoginRequest request, HttpServletRequest http) {
        request.validate();
        A account = accounts.authenticate(request.email(), request.password(), http.getRemoteAddr(),
                        CorrelationIdFilter.current(http))
                .orElseThrow(() -> ApiProblem.unauthorized(WRONG_CREDENTIALS));
        return answer.of(tokens.issue(account.principal()), "Bearer", tokens.ttl().toSeconds(), view.apply(account));
    }

    @GetMapping("/me")
    public V me(HttpServletRequest request) {
        return accounts.account(UUID.fromString(Principal.from(request).id()))
                .map(view)
                .orElseThrow(() -> ApiProblem.unauthorized("The account of this token no longer exists."));
    }
}
