package com.myagents.pp.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one shape of every operator action: check the operator's rights (a refusal is audited and
 * answered 403), write the audit entry, do the work, complete the entry with the answer's status
 * and whatever the work put into its detail, even when the work failed.
 */
@Component
public class AuditedAction {

    private final OperatorAudit audit;

    public AuditedAction(OperatorAudit audit) {
        this.audit = audit;
    }

    /**
     * @param action what the operator does, e.g. {@code agent_type:publish} or {@code gateway:GET}
     * @param target what it is done to (a path, with its query when it has one)
     * @param allowed throws an {@link ApiProblem} when the operator may not do this
     * @param work    the action; it may add to the detail map it is given
     */
    public <T> ResponseEntity<T> run(HttpServletRequest request, String action, String target,
                                     Consumer<Principal> allowed,
                                     BiFunction<Principal, Map<String, Object>, ResponseEntity<T>> work) {
        Principal operator = Principal.from(request);
        UUID operatorId = UUID.fromString(operator.id());
        String correlationId = CorrelationIdFilter.current(request);
        try {
            allowed.accept(operator);
        } catch (ApiProblem refused) {
            audit.recordFinished(operatorId, action, target, correlationId, refused.status());
            throw refused;
        }
        long entry = audit.record(operatorId, action, target, correlationId);
        Map<String, Object> detail = new LinkedHashMap<>();
        int status = 500;
        try {
            ResponseEntity<T> response = work.apply(operator, detail);
            status = response.getStatusCode().value();
            return response;
        } catch (ApiProblem failed) {
            status = failed.status();
            throw failed;
        } finally {
            audit.complete(entry, status, detail);
        }
    }
}
