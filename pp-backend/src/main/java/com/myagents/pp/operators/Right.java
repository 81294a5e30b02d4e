package com.myagents.pp.operators;

import java.util.EnumSet;
import java.util.Set;

import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

/**
 * What an operator may do, by role: admins author and publish agent types; support reads
 * everything and changes nothing; auditors see enforcement decisions, denials and the correlation
 * drill-down only.
 */
public enum Right {

    /** Create, edit and publish agent-type versions. */
    AUTHOR_AGENT_TYPES(true, EnumSet.of(OperatorRole.ADMIN)),
    /** Read agent types and validate a version (changes nothing). */
    REVIEW_AGENT_TYPES(false, EnumSet.of(OperatorRole.ADMIN, OperatorRole.SUPPORT)),
    /** Hired agents with their configs, goals, drafts and approvals. */
    SUPPORT_VIEWS(false, EnumSet.of(OperatorRole.ADMIN, OperatorRole.SUPPORT)),
    /** Decisions, denials, correlations. */
    AUDIT_VIEWS(false, EnumSet.of(OperatorRole.ADMIN, OperatorRole.SUPPORT, OperatorRole.AUDITOR));

    public static final String NO_ROLE = "no_operator_role";
    public static final String READ_ONLY = "role_read_only";
    public static final String NOT_ALLOWED = "role_not_allowed";

    private final boolean changes;
    private final Set<OperatorRole> roles;

    Right(boolean changes, Set<OperatorRole> roles) {
        this.changes = changes;
        this.roles = roles;
    }

    /** @throws ApiProblem 403 with a reason when none of the operator's roles grants this right */
    public void require(Principal operator) {
        if (!OperatorRole.anyKnown(operator.roles())) {
            throw ApiProblem.forbidden(NO_ROLE, "this operator has no role that allows calls to Plant");
        }
        boolean granted = operator.roles().stream().map(OperatorRole::of)
                .anyMatch(role -> role.isPresent() && roles.contains(role.get()));
        if (!granted) {
            String held = operator.roles().stream().sorted().toList().toString();
            throw changes
                    ? ApiProblem.forbidden(READ_ONLY, "roles " + held + " may only read; this needs the admin role")
                    : ApiProblem.forbidden(NOT_ALLOWED, "roles " + held + " may not see this; it needs one of "
                            + roles.stream().map(OperatorRole::id).sorted().toList());
        }
    }
}
