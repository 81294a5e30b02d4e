package com.myagents.http.identity;

import java.util.Objects;
import java.util.Set;

import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, as a verified token said. Never built from a body, a query or a browser header.
 *
 * @param id    stable id of the customer, operator or service (the token's {@code sub})
 * @param kind  what sort of caller this is
 * @param email contact address, may be {@code null} for services
 * @param roles roles granted to the caller, never {@code null}
 * @param name  how the person is addressed (a customer's display name), may be {@code null}; shown to
 *              operators, never used to decide anything
 */
public record Principal(String id, Kind kind, String email, Set<String> roles, String name) {

    /** Request attribute under which filters leave the verified principal. */
    public static final String ATTRIBUTE = Principal.class.getName();

    public enum Kind { CUSTOMER, OPERATOR, SERVICE }

    public Principal {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("principal id is required");
        }
        Objects.requireNonNull(kind, "kind");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** A caller without a display name (services, operators, older tokens). */
    public Principal(String id, Kind kind, String email, Set<String> roles) {
        this(id, kind, email, roles, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The verified principal of this request; 401 when no filter has verified one. */
    public static Principal from(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Principal principal) {
            return principal;
        }
        throw ApiProblem.unauthorized("no verified identity on this request");
    }
}
