package com.myagents.cp.auth;

import com.myagents.cp.customers.Customer;

/** What the browser may know about the signed-in customer. */
public record CustomerView(String customerId, String email, String displayName) {

    public static CustomerView of(Customer customer) {
        return new CustomerView(customer.customerId().toString(), customer.email(), customer.displayName());
    }
}
