package com.myagents.pp.auth;

import com.myagents.http.identity.BcryptPasswords;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.myagents.pp.audit.OperatorAudit;
import com.myagents.pp.operators.Operator;
import com.myagents.pp.operators.OperatorRepository;

/**
 * Email + password to an operator, with one answer for "no such email" and "wrong password". Every
 * attempt is audited, failed ones with the account they aimed at when it exists.
 */
@Service
public class OperatorLogin {

    static final String SIGNED_IN = "login";
    static final String REFUSED = "login_failed";

    private final OperatorRepository operators;
    private final BcryptPasswords passwords;
    private final OperatorAudit audit;

    public OperatorLogin(OperatorRepository operators, BcryptPasswords passwords, OperatorAudit audit) {
        this.operators = operators;
        this.passwords = passwords;
        this.audit = audit;
    }

    public Optional<Operator> authenticate(String email, String password, String correlationId) {
        Optional<Operator> operator = operators.findByEmail(email);
        boolean matches = passwords.matches(password, operator.map(Operator::passwordHash));
        UUID who = operator.map(Operator::operatorId).orElse(null);
        audit.recordFinished(who, matches ? SIGNED_IN : REFUSED, "email:" + email.strip().toLowerCase(Locale.ROOT),
                correlationId, matches ? 200 : 401);
        return matches ? operator : Optional.empty();
    }
}
