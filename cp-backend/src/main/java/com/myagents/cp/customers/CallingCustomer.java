package com.myagents.cp.customers;

import java.util.UUID;

import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/** The customer a request's verified token names; never anything the browser says. */
public final class CallingCustomer {

    private CallingCustomer() {
    }

    /** @throws ApiProblem 401 without a verified customer principal */
    public static UUID id(HttpServletRequest request) {
        Principal principal = Principal.from(request);
        if (principal.kind() != Principal.Kind.CUSTOMER) {
            throw ApiProblem.unauthorized("a customer's token is required");
        }
        try {
            return UUID.fromString(principal.id());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unauthorized("the token does not name a customer");
        }
    }
}
