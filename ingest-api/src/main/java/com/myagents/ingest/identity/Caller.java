package com.myagents.ingest.identity;

import java.util.UUID;

import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/** The verified caller of a Plant endpoint, with the checks every feature needs. */
public record Caller(Principal principal) {

    public static Caller of(HttpServletRequest request) {
        return new Caller(Principal.from(request));
    }

    /** The customer this call acts for; customer endpoints are not for operators or services. */
    public UUID customerId() {
        if (principal.kind() != Principal.Kind.CUSTOMER) {
            throw new ApiProblem(403, "customer-only", "Forbidden", "this endpoint acts for a customer", java.util.Map.of());
        }
        return UUID.fromString(principal.id());
    }

    public boolean isOperator() {
        return principal.kind() == Principal.Kind.OPERATOR;
    }

    /** Operators with this role only (e.g. {@code admin} authors agent types). */
    public void requireOperatorRole(String role) {
        if (!isOperator() || !principal.hasRole(role)) {
            throw new ApiProblem(403, "role-required", "Forbidden", "needs the operator role " + role, java.util.Map.of());
        }
    }

    public String id() {
        return principal.id();
    }
}
