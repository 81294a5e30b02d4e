package com.myagents.ingest.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.ingest.ops.OperatorViews;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every denial and every decision, filtered by customer, subscription, reason, correlation id and
 * time, for operators by role (auditors, support, admins); customers get 404.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditQueries queries;

    AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/denials")
    Map<String, Object> denials(@RequestParam(name = "customer_id", required = false) String customerId,
                                @RequestParam(name = "subscription_id", required = false) String subscriptionId,
                                @RequestParam(name = "reason", required = false) String reason,
                                @RequestParam(name = "correlation_id", required = false) String correlationId,
                                @RequestParam(name = "from", required = false) String from,
                                @RequestParam(name = "to", required = false) String to,
                                @RequestParam(name = "page", required = false) String page,
                                @RequestParam(name = "size", required = false) String size,
                                HttpServletRequest http) {
        OperatorViews.AUDIT.require(http);
        AuditFilter filter = AuditFilter.of(new AuditFilter.Query(customerId, subscriptionId, reason, correlationId,
                null, from, to, page, size));
        return body("denials", queries.denials(filter));
    }

    @GetMapping("/decisions")
    Map<String, Object> decisions(@RequestParam(name = "customer_id", required = false) String customerId,
                                  @RequestParam(name = "subscription_id", required = false) String subscriptionId,
                                  @RequestParam(name = "reason", required = false) String reason,
                                  @RequestParam(name = "correlation_id", required = false) String correlationId,
                                  @RequestParam(name = "outcome", required = false) String outcome,
                                  @RequestParam(name = "from", required = false) String from,
                                  @RequestParam(name = "to", required = false) String to,
                                  @RequestParam(name = "page", required = false) String page,
                                  @RequestParam(name = "size", required = false) String size,
                                  HttpServletRequest http) {
        OperatorViews.AUDIT.require(http);
        AuditFilter filter = AuditFilter.of(new AuditFilter.Query(customerId, subscriptionId, reason, correlationId,
                outcome, from, to, page, size));
        return body("decisions", queries.decisions(filter));
    }

    private static Map<String, Object> body(String name, AuditQueries.Page<?> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, page.items());
        body.put("page", page.page());
        body.put("size", page.size());
        body.put("total", page.total());
        return body;
    }
}
