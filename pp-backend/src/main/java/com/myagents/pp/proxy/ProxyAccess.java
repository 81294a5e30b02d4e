package com.myagents.pp.proxy;

import java.util.Set;

import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.pp.operators.OperatorRole;

/** Which operator may send which method through the door: readers look, only admins change. */
public final class ProxyAccess {

    static final Set<String> READS = Set.of("GET", "HEAD");
    static final String NO_ROLE = "no_operator_role";
    static final String READ_ONLY = "role_read_only";

    private ProxyAccess() {
    }

    /** @throws ApiProblem 403 with a reason when the operator's roles do not allow the method */
    public static void check(Principal operator, String method) {
        if (!OperatorRole.anyKnown(operator.roles())) {
            throw ApiProblem.forbidden(NO_ROLE, "this operator has no role that allows calls to Plant");
        }
        if (!READS.contains(method) && !OperatorRole.anyWrites(operator.roles())) {
            throw ApiProblem.forbidden(READ_ONLY, "roles " + operator.roles().stream().sorted().toList()
                    + " may only read; " + method + " needs the admin role");
        }
    }
}
