package com.myagents.ingest.ops;

import java.util.Map;
import java.util.Set;

import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may open which operator view. Support and admins see everything; auditors see decisions,
 * denials and correlations only. A customer or a service learns nothing, not even that the view
 * exists (404); an operator without the role is told which roles would do (403).
 */
public enum OperatorViews {

    /** Hired agents, their configuration, goals, drafts and approvals; agent-type impact. */
    SUPPORT(Set.of("admin", "support")),
    /** Enforcement decisions, denials and the correlation drill-down. */
    AUDIT(Set.of("admin", "support", "auditor")),
    /** Changes to a customer's subscription (a trial extension): admins only, audited by PP. */
    ADMIN(Set.of("admin"));

    public static final String ROLE_NOT_ALLOWED = "role_not_allowed";

    private final Set<String> roles;

    OperatorViews(Set<String> roles) {
        this.roles = roles;
    }

    /** The verified operator of this request when one of its roles opens this view. */
    public Principal require(HttpServletRequest request) {
        Principal caller = Principal.from(request);
        if (caller.kind() != Principal.Kind.OPERATOR) {
            throw ApiProblem.notFound("the resource");
        }
        if (caller.roles().stream().noneMatch(roles::contains)) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "this view needs one of the operator roles "
                    + roles.stream().sorted().toList(), Map.of("reason", ROLE_NOT_ALLOWED));
        }
        return caller;
    }
}
