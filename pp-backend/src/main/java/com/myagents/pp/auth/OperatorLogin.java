package com.myagents.pp.auth;

import com.myagents.http.identity.BcryptPasswords;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.myagents.http.door.SignInController;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.throttle.LoginThrottle;
import com.myagents.pp.audit.OperatorAudit;
import com.myagents.pp.operators.Operator;
import com.myagents.pp.operators.OperatorRepository;

/**
 * Email + password to an operator, with one answer for "no such email" and "wrong password". Every
 * attempt is audited, failed ones with the account they aimed at when it exists. Repeated failures
 * lock the account (and a guessing address) out for a while: 429 with Retry-After, audited as
 * {@value #LOCKED} — even the right password is refused then, so a guess cannot be confirmed.
 */
@Service
public record OperatorLogin(OperatorRepository operators, BcryptPasswords passwords, OperatorAudit audit,
                            LoginThrottle throttle) implements SignInController.Accounts<Operator> {

    static final String SIGNED_IN = "login";
    static final String REFUSED = "login_failed";
    static final String LOCKED = "login_locked";

    @Override
    public Optional<Operator> account(UUID operatorId) {
        return operators.findById(operatorId);
    }

    @Override
    public Optional<Operator> authenticate(String email, String password, String address, String correlationId) {
        Optional<Operator> operator = operators.findByEmail(email);
        UUID who = operator.map(Operator::operatorId).orElse(null);
        String target = "email:" + email.strip().toLowerCase(Locale.ROOT);
        try {
            throttle.check(email, address);
        } catch (ApiProblem locked) {
            audit.recordFinished(who, LOCKED, target, correlationId, locked.status());
            throw locked;
        }
        boolean matches = passwords.matches(password, operator.map(Operator::passwordHash));
        if (matches) {
            throttle.succeeded(email);
            audit.recordFinished(who, SIGNED_IN, target, correlationId, 200);
            return operator;
        }
        LoginThrottle.Outcome outcome = throttle.failed(email, address);
        audit.recordFinished(who, outcome == LoginThrottle.Outcome.REFUSED ? REFUSED : LOCKED, target,
                correlationId, 401);
        return Optional.empty();
    }
}
