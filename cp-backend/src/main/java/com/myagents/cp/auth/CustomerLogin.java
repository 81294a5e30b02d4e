package com.myagents.cp.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.myagents.cp.customers.Customer;
import com.myagents.cp.customers.CustomerRepository;
import com.myagents.http.door.SignInController;
import com.myagents.http.identity.BcryptPasswords;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.throttle.LoginThrottle;

/**
 * Email + password to a customer, with one answer for "no such email" and "wrong password".
 * Repeated failures lock the account (and a guessing address) out for a while: 429 with
 * Retry-After, even for the right password; failures and lockouts are audited.
 */
@Service
public record CustomerLogin(CustomerRepository customers, BcryptPasswords passwords, LoginThrottle throttle,
                            LoginAudit audit) implements SignInController.Accounts<Customer> {

    @Override
    public Optional<Customer> account(UUID customerId) {
        return customers.findById(customerId);
    }

    @Override
    public Optional<Customer> authenticate(String email, String password, String address, String correlationId) {
        try {
            throttle.check(email, address);
        } catch (ApiProblem locked) {
            audit.record(email, address, LoginAudit.LOCKED_OUT, correlationId);
            throw locked;
        }
        Optional<Customer> customer = customers.findByEmail(email);
        if (!passwords.matches(password, customer.map(Customer::passwordHash))) {
            LoginThrottle.Outcome outcome = throttle.failed(email, address);
            audit.record(email, address, outcome.name().toLowerCase(Locale.ROOT), correlationId);
            return Optional.empty();
        }
        throttle.succeeded(email);
        return customer;
    }
}
