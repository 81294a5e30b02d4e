package com.myagents.pp.proxy;

import java.util.List;
import java.util.Set;

import com.myagents.http.identity.Principal;
import com.myagents.pp.operators.Right;

/**
 * Which operator may send which call through the door: only admins change anything; auditors read
 * decisions, denials and correlations only; support reads the rest. Plant checks the same roles again.
 */
public final class ProxyAccess {

    static final Set<String> READS = Set.of("GET", "HEAD");
    /** Gateway paths an auditor may read. */
    static final List<String> AUDIT_PATHS = List.of("/api/v1/audit/", "/api/v1/ops/correlations/");

    private ProxyAccess() {
    }

    /**
     * @param gatewayPath the path the call would take on the gateway
     * @throws com.myagents.http.problem.ApiProblem 403 with a reason when the operator's roles do not allow it
     */
    public static void check(Principal operator, String method, String gatewayPath) {
        rightFor(method, gatewayPath).require(operator);
    }

    static Right rightFor(String method, String gatewayPath) {
        if (!READS.contains(method)) {
            return Right.AUTHOR_AGENT_TYPES;
        }
        return AUDIT_PATHS.stream().anyMatch(gatewayPath::startsWith) ? Right.AUDIT_VIEWS : Right.SUPPORT_VIEWS;
    }
}
