package com.myagents.cp.auth;

import com.myagents.http.identity.BcryptPasswords;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.myagents.cp.customers.Customer;
import com.myagents.cp.customers.CustomerRepository;

/** Email + password to a customer, with one answer for "no such email" and "wrong password". */
@Service
public class CustomerLogin {

    private final CustomerRepository customers;
    private final BcryptPasswords passwords;

    public CustomerLogin(CustomerRepository customers, BcryptPasswords passwords) {
        this.customers = customers;
        this.passwords = passwords;
    }

    public Optional<Customer> authenticate(String email, String password) {
        Optional<Customer> customer = customers.findByEmail(email);
        boolean matches = passwords.matches(password, customer.map(Customer::passwordHash));
        return matches ? customer : Optional.empty();
    }
}
